import type { ProblemCode } from '../../src-shared/protocol/problem';

/**
 * What went wrong, one phrase per problem code (src-shared/protocol/problem.ts), shown inside a sentence that says
 * where ("Not loaded: …", "The trainer stopped unexpectedly (…)"): so each starts in lower case and has no full stop.
 * The English detail behind each (an exception's message) goes to the console only.
 */
export const enProblems = {
  'problem.separator': '; ',
  'problem.trainer.exited': 'its process ended',
  'problem.trainer.spawnFailed': 'it could not be started',
  'problem.trainer.hung': 'it stopped answering for {seconds} s',
  'problem.trainer.noStart': 'it did not start within {seconds} s',

  'problem.policy.unreadable': 'the policy file could not be read; nothing in it was applied',
  'problem.policy.tooLarge': 'the policy file is larger than {kb} KB; nothing in it was applied',
  'problem.policy.notJson': 'the policy file is not valid JSON; nothing in it was applied',
  'problem.policy.notObject': 'the policy must be a JSON object of keys; nothing in it was applied',
  'problem.policy.unknownKey': '“{key}” is not a policy key (the keys are {known}); ignored',
  'problem.policy.notBoolean': '“{key}” must be true or false; ignored',
  'problem.policy.badLocaleCode': '“{key}” must be a two-letter language code such as "fr"; ignored',
  'problem.policy.badLessonPack': '“{key}” must be an object with a "path" and, if wanted, "locked": true or false; ignored',
  'problem.policy.badPresenter': '“{key}” must be an object with any of "notes", "largeText" (true or false) and "theme" (light, dark or contrast); ignored',
  'problem.policy.unknownLocale': 'the language “{value}” is not one this version has ({known}); ignored',
  'problem.policy.packUnreadable': 'the lesson pack {path} could not be read; ignored',
  'problem.policy.packInvalid': '{path} is not a valid lesson pack; ignored',

  'problem.data.fileTooBig': '{name} is {size} MB; the limit is {cap} MB',
  'problem.data.fileUnreadable': 'the file could not be read',
  'problem.data.text.tooLong': 'your text has {chars} characters; the limit is {cap}',
  'problem.data.text.tooShort': 'your text has {chars} characters; at least {min} are needed to train on',
  'problem.data.text.tooManyChars': 'your text uses {distinct} different characters; the limit is {cap}',
  'problem.data.text.badChar': 'line {line}, column {column} holds the control character U+{code}; only printable text, line breaks and tabs are allowed',
  'problem.data.text.undecodable': 'line {line}, column {column} holds a byte that is not text (is the file saved as UTF-8?)',
  'problem.data.csv.tooLong': 'your CSV has {chars} characters; the limit is {cap}',
  'problem.data.csv.badChar': 'line {line}, column {column} holds the control character U+{code}; only printable text, line breaks and tabs are allowed',
  'problem.data.csv.undecodable': 'line {line}, column {column} holds a byte that is not text (is the file saved as UTF-8?)',
  'problem.data.csv.unclosedQuote': 'line {line}, column {column}: a quoted field is never closed (a " is missing)',
  'problem.data.csv.textAfterQuote': 'line {line}, column {column}: text follows a closing quote; inside quotes, write a quote as ""',
  'problem.data.csv.quoteInField': 'line {line}, column {column}: a quote inside a field without quotes; put the whole field in quotes and write the quote as ""',
  'problem.data.csv.empty': 'the CSV is empty; it needs a header line "text,label" (or "text,tags") with rows below it',
  'problem.data.csv.badHeader': 'line {line}: the header must name a "text" and a "label" column, or a "text" and a "tags" column (it has: {found})',
  'problem.data.csv.tooManyRows': 'the CSV has {rows} rows; the limit is {cap}',
  'problem.data.csv.tooFewRows': 'the CSV has {rows} rows; at least {min} are needed to train and test',
  'problem.data.csv.tooManyFields': 'line {line}: {fields} fields, but the header has {expected}; put a text that contains commas in double quotes',
  'problem.data.csv.missingText': 'line {line}, column {column} ({name}): the text is missing; some words are needed',
  'problem.data.csv.tooManyWords': 'line {line}, column {column} ({name}): the text has {words} words and symbols; the limit is {cap}',
  'problem.data.csv.missingLabel': 'line {line}, column {column} ({name}): the label is missing; a class name is needed',
  'problem.data.csv.missingTags': 'line {line}, column {column} ({name}): the tags are missing; one tag per word is needed',
  'problem.data.csv.tagCount': 'line {line}, column {column} ({name}): {tags} tags for {words} words and symbols; one tag per word is needed, separated by spaces',
  'problem.data.csv.labelTooLong': 'line {line}, column {column} ({name}): a label or tag of {chars} characters; the limit is {cap}',
  'problem.data.csv.oneLabel': 'every row has the same label or tag, “{label}”; a model needs at least 2 different ones to tell apart',
  'problem.data.csv.tooManyLabels': 'the CSV has {count} different labels or tags; the limit is {cap}',

  'problem.runFile.tooLarge': 'the file has {chars} characters; the limit is {cap}',
  'problem.runFile.notJson': 'its JSON is broken or cut short',
  'problem.runFile.notObject': 'it does not hold a run',
  'problem.runFile.wrongFormat': 'it is not an RNN Lab run file',
  'problem.runFile.wrongVersion': 'this RNN Lab reads run files of version {expected}, and the file is of version {found}',
  'problem.runFile.notWritten': 'the file could not be written (the details are in the console)',
  'problem.runFile.invalid': 'part of it is missing or out of range (the console names which)',


  'problem.unexpected': 'an unexpected error (the details are in the console)',
} as const satisfies Record<`problem.${ProblemCode}` | 'problem.separator', string>;
