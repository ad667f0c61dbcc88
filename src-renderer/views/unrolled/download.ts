/** Save a data: or blob: URL as a file called `name`, through a link that is never added to the page. */
export function download(url: string, name: string, doc: Document = document): void {
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}
