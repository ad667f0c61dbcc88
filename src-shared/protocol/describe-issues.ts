import * as v from 'valibot';

/** Longest part of an error line taken from a message or path, which may quote the bad value itself. */
const MAX_ISSUE_CHARS = 160;

/**
 * One readable line per problem: "lastConfig.hiddenSize: hidden size must be at most 256". Messages that quote
 * a huge bad value (valibot's "but received …") are cut short, so an error stays a sentence, not the value.
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      const message = clip(issue.message, MAX_ISSUE_CHARS);
      return path ? `${clip(path, MAX_ISSUE_CHARS / 2)}: ${message}` : message;
    })
    .join('; ');
}

/** `text` itself when short enough, else its start and an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
