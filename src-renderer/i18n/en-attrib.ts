/** The connectivity panel (what each prediction depends on) and its RNN/LSTM/GRU comparison, in English. */
export const enAttrib = {
  'attrib.h': '6 · What each prediction depends on',
  'attrib.intro':
    'For one held-out example, how strongly the output at step t depends on the word at step s: a[t][s] = |⟨∂y_t/∂x_s, x_s⟩|, the gradient of the predicted score with respect to input s, read along the word that is actually there. It is computed exactly, one backward pass per output step.',
  'attrib.liveH': 'Your Lab run',
  'attrib.empty': 'Train a model in the Lab to see which earlier words each of its outputs depends on. The picture appears with the first traced step.',
  'attrib.noneForTask': 'This task reads a single input and writes a sequence from it, so no output depends on earlier inputs. Pick another task in the Lab to see the connectivity.',
  'attrib.liveTitle': 'Lab run ({model}): what each output depends on, training step {step}',
  'attrib.label': '{title}. Heatmap: rows are output steps, columns input words, colour the attribution on a log scale.',
  'attrib.xLabel': 'input word s',
  'attrib.yLabel': 'output step t',
  'attrib.rowLabel': 'output at step {t} (“{token}”)',
  'attrib.rowShort': 't = {t}, “{token}”',
  'attrib.colLabel': 'word {s} “{token}”',
  'attrib.pick': 'Output step',
  'attrib.sentenceLabel': 'The example’s words, each shaded and labelled with its share of the output at step {step}',
  'attrib.word': '“{token}”: {share} of the attribution',
  'attrib.noticeHead': 'What to notice:',
  'attrib.noWeight': 'The output at step {step} does not depend on any word yet: every gradient reaching the inputs is zero.',
  'attrib.summary':
    'At training step {step}, the output at step {t} (“{output}”) of this {words}-word example: the largest a[t][s] is {max}, at word {s} “{token}”; the first word gets {first}.',
  'attrib.compare.h': 'Vanilla RNN, LSTM and GRU on the same review',
  'attrib.compare.intro':
    'The three cells learn the film-review task from the same data, seed and batches. Every few steps, each one’s dependence on the same held-out review, one whose verdict comes after a “but”, is computed and drawn below.',
  'attrib.compare.settings': 'Comparison settings',
  'attrib.compare.gap': 'Filler words after the verdict',
  'attrib.compare.steps': 'Training steps per cell',
  'attrib.compare.start': 'Train the three and compare',
  'attrib.compare.progress': 'Training the three cells',
  'attrib.compare.waiting': 'Press the button to train the three cells; it takes a few seconds.',
  'attrib.compare.stopped': 'The comparison stopped: {error}',
  'attrib.compare.cellTitle': '{cell}: {acc} held out, step {step}',
  'attrib.compare.cellLine': '{cell}: {share} of the verdict’s attribution comes from the last {n} words; its peak, “{token}”, lies {back} steps back.',
  'attrib.compare.cellLineHere': '{cell}: {share} of the verdict’s attribution comes from the last {n} words; its peak is the last word itself, “{token}”.',
  'attrib.compare.notLearned': '{cell} has not learned the task yet ({acc} held out), so its picture does not follow the rule yet.',
  'attrib.compare.reach':
    'Of the cells that learned the task, the {far} reaches furthest back: {farShare} of its verdict’s weight lies before the last {n} words, against {nearShare} for the {near}.',
  'grad.job.attribution': 'the RNN, LSTM and GRU connectivity comparison',
  'grad.replaced.attribution': 'The connectivity comparison was cancelled: {by} replaced it, since the lab runs one experiment at a time.',
  'quiz.predict-attribution.prompt':
    'An LSTM learns the film-review task for {steps} steps: the clause after “but” decides, and {gap} filler words follow it. Take this held-out review: “{review}”. Which of these four words will the trained LSTM’s verdict depend on most, by the exact gradient attribution |⟨∂y/∂x_s, x_s⟩|?',
  'quiz.predict-attribution.a': '“{wa}” (word {pa})',
  'quiz.predict-attribution.b': '“{wb}” (word {pb})',
  'quiz.predict-attribution.c': '“{wc}” (word {pc})',
  'quiz.predict-attribution.d': '“{wd}” (word {pd})',
  'quiz.predict-attribution.why':
    'In this run the LSTM’s verdict drew {sa} of its attribution from “{wa}”, {sb} from “{wb}”, {sc} from “{wc}” and {sd} from “{wd}”; over the whole review it leaned most on “{peak}” (word {peakPlace}). {reading}',
  'quiz.predict-attribution.reading.a': '“but” is where the deciding clause starts: the LSTM has learned to mark it and to carry what follows it to the end of the review.',
  'quiz.predict-attribution.reading.b':
    'In this task the clause before “but” always takes the side opposite to the verdict, so its word predicts the label as well as the deciding clause does: the LSTM has found that shortcut, and the attribution shows it.',
  'quiz.predict-attribution.reading.c': 'The deciding clause’s own word sets the label, and the LSTM carried it across the {gap} filler words to the verdict.',
  'quiz.predict-attribution.reading.d':
    'A large share on the last word does not mean that it carries the meaning: a[T][s] measures how far the verdict’s score moves as word s fades, and the last input reaches the verdict without crossing a single step.',
  'ui.quiz.attribResult':
    'After {steps} training steps (seed {seed}) the LSTM scores {acc} on held-out reviews, and its verdict leans most on “{token}”, word {place} of {words}, with {share} of its attribution.',
  'lesson.vanishing.attribLink':
    'You can watch this on a model you train. The Gradients screen’s connectivity panel shows, for a review with a late “but”, how much of the verdict comes from each earlier word, and trains a vanilla RNN, an LSTM and a GRU side by side so you can compare how far back each one reaches.',
  'lesson.vanishing.attribOpen': 'See what each prediction depends on',
  'attrib.csv.outputStep': 'output_step',
  'attrib.csv.outputToken': 'output_token',
  'attrib.csv.inputStep': 'input_step',
  'attrib.csv.inputToken': 'input_token',
  'attrib.csv.attribution': 'attribution',
  'attrib.csv.share': 'share_of_row',
};
