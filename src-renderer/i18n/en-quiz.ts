/**
 * Quiz questions in English: prompt, options (`.a`, `.b`…) and the explanation shown after answering.
 * `{name}` values are computed by the engine when the question is built.
 */
export const enQuiz = {
  'quiz.ff-vs-rnn.prompt': 'You feed a sentence to a network one word at a time. What does a recurrent network do that a feedforward network does not?',
  'quiz.ff-vs-rnn.a': 'It carries a hidden state from step to step, so its output at each word can depend on every earlier word.',
  'quiz.ff-vs-rnn.b': 'It has a wider input layer, so it can look at all the words at the same moment.',
  'quiz.ff-vs-rnn.c': 'It processes all the words in parallel, which is why it is faster.',
  'quiz.ff-vs-rnn.d': 'Nothing: both judge each word on its own.',
  'quiz.ff-vs-rnn.why':
    'The feedforward network forgets each word as soon as the next one arrives. The RNN updates its hidden state from the new input and its previous state, so that state summarises the sentence so far.',

  'quiz.why-vanish.prompt': 'Why do the gradients of a vanilla RNN tend to vanish over long sequences?',
  'quiz.why-vanish.a': 'The gradient reaching an early step is a product of one Jacobian per step, diag(1 − h²)·Whh; when those factors shrink vectors, the product decays geometrically.',
  'quiz.why-vanish.b': 'The loss is computed only at the last step, so earlier steps have no gradient at all.',
  'quiz.why-vanish.c': 'Each step has different weights, and their gradients cancel each other out.',
  'quiz.why-vanish.d': 'tanh always outputs values near zero, so the hidden states carry no information.',
  'quiz.why-vanish.why':
    'Backpropagation through time multiplies the gradient by diag(1 − h²)·Whh at every step. The tanh slope is at most 1, so if Whh also shrinks vectors, T − 1 factors in a row drive the gradient towards zero.',

  'quiz.late-verdict.prompt':
    'A review opens with a long complaint and ends with "but, all things considered, it was surprisingly good". Why is a review like this hard for a vanilla RNN to learn?',
  'quiz.late-verdict.a':
    'The late verdict must override a clause many steps earlier, and the training signal that would teach this has to travel back across the whole sentence, fading at every step.',
  'quiz.late-verdict.b': 'A vanilla RNN reads right to left, so it sees the complaint last.',
  'quiz.late-verdict.c': 'An RNN can only handle sentences up to a fixed length.',
  'quiz.late-verdict.d': 'The last words are ignored because the state starts at zero.',
  'quiz.late-verdict.why':
    'Learning how the final clause relates to the opening one needs gradient signal at the early words. In a vanilla RNN that signal shrinks by a factor at each step back, so long-range relations are learnt slowly or not at all.',

  'quiz.unrolling.prompt': 'What does "unrolling" an RNN mean, and why is it useful?',
  'quiz.unrolling.a':
    'Drawing one copy of the same cell per time step, linked by the hidden state; the result is a feedforward graph with shared weights, so backpropagation applies and the gradient can be followed step by step.',
  'quiz.unrolling.b': 'Training a separate cell for every time step, so that each step has its own weights.',
  'quiz.unrolling.c': 'Removing the recurrent connection so that training runs faster.',
  'quiz.unrolling.d': 'Reversing the sequence so the network reads it from the end.',
  'quiz.unrolling.why':
    'Unrolling changes the drawing, not the model: the copies share Wxh, Whh and bh. It exposes the loop as an ordinary graph, which is exactly what backpropagation through time differentiates.',

  'quiz.weight-sharing.prompt': 'Why can one trained RNN cell process sequences of any length?',
  'quiz.weight-sharing.a': 'Because the same weights are applied at every step, like a filter sliding along the sequence.',
  'quiz.weight-sharing.b': 'Because it stores one weight matrix per possible length.',
  'quiz.weight-sharing.c': 'Because it pads every sequence to the longest one it saw in training.',
  'quiz.weight-sharing.why': 'Wxh, Whh and bh are shared across time, so nothing in the cell depends on where in the sequence it is or how long the sequence is.',

  'quiz.count-depends.prompt': 'The number of parameters of a vanilla RNN cell depends on…',
  'quiz.count-depends.a': 'the input size I and the hidden size H, but not the sequence length T.',
  'quiz.count-depends.b': 'the sequence length T, because there is one weight matrix per step.',
  'quiz.count-depends.c': 'only the hidden size H.',
  'quiz.count-depends.why': 'The cell holds H·I + H·H + H numbers. A longer sequence means more steps of computation with the same weights.',

  'quiz.rnn-params.prompt':
    'A vanilla RNN reads inputs of size I = {I} with H = {H} hidden units, and a read-out layer produces O = {O} scores. How many trainable parameters does it have, cell and read-out together?',
  'quiz.rnn-params.why': 'Cell: H·I + H·H + H = {cell}. Read-out: O·H + O = {head}. Together: {total}, the count the engine reports for this model.',

  'quiz.lstm-params.prompt':
    'An LSTM reads inputs of size I = {I} with H = {H} hidden units, followed by a read-out to O = {O} scores. How many trainable parameters does the whole model have?',
  'quiz.lstm-params.why': 'An LSTM has four weight blocks (input, forget, candidate, output), each the size of a vanilla cell: 4·(H·I + H·H + H) = {cell}, plus O·H + O = {head} for the read-out, {total} in all.',

  'quiz.decay-power.prompt':
    'A sequence has T = {T} steps and each step back scales the gradient by {factor}. What fraction of the gradient reaches the first step? (Scientific notation is fine, for example 1.5e-7.)',
  'quiz.decay-power.why': 'There are T − 1 = {steps} factors between the last and the first step, so the fraction is {factor}^{steps} ≈ {value}.',

  'quiz.bptt-sum.prompt': 'In backpropagation through time, how is the gradient of the shared matrix Whh formed?',
  'quiz.bptt-sum.a': 'It is the sum of the contributions from every time step.',
  'quiz.bptt-sum.b': 'It is taken from the last time step only.',
  'quiz.bptt-sum.c': 'It is the average of the hidden states.',
  'quiz.bptt-sum.why': 'Every unrolled copy uses the same Whh, so each copy contributes δ_t·h_{t−1}ᵀ and the total gradient adds them up.',

  'quiz.lstm-path.prompt': 'Which part of an LSTM lets the gradient cross many steps almost unchanged?',
  'quiz.lstm-path.a': 'The additive cell-state update c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t, whose step-to-step derivative is just the forget gate.',
  'quiz.lstm-path.b': 'The output gate, because it multiplies the hidden state by a number above 1.',
  'quiz.lstm-path.c': 'The tanh on the candidate, because its slope is 1 everywhere.',
  'quiz.lstm-path.why': 'Along the cell state there is no Whh and no squashing between steps; when f_t stays near 1 the gradient passes through nearly intact.',

  'quiz.clip-remedy.prompt': 'During training the gradient norm spikes and the loss becomes NaN. Which remedy addresses this most directly?',
  'quiz.clip-remedy.a': 'Gradient clipping: rescale the gradient whenever its norm exceeds a threshold.',
  'quiz.clip-remedy.b': 'Make the sequences longer.',
  'quiz.clip-remedy.c': 'Remove the tanh so the cell is linear.',
  'quiz.clip-remedy.why': 'A spike like this is an exploding gradient. Clipping caps the size of each update while keeping its direction.',

  'quiz.shape-translate.prompt': 'Translating a sentence into another language, where the output may have a different length, is a problem of which shape?',
  'quiz.shape-translate.a': 'Many-to-many with different lengths: an encoder reads, a decoder writes.',
  'quiz.shape-translate.b': 'Many-to-one.',
  'quiz.shape-translate.c': 'One-to-many.',
  'quiz.shape-translate.d': 'Many-to-many with one output per input.',
  'quiz.shape-translate.why': 'The encoder compresses the source sentence into a context vector and the decoder writes the translation from it, stopping when it emits the end marker.',

  'quiz.shape-tagging.prompt': 'Giving every word of a sentence its part of speech is a problem of which shape?',
  'quiz.shape-tagging.a': 'Many-to-many with one output per input.',
  'quiz.shape-tagging.b': 'Many-to-one.',
  'quiz.shape-tagging.c': 'One-to-many.',
  'quiz.shape-tagging.why': 'There is exactly one tag for each word, produced at the same step as the word.',

  'quiz.bi-realtime.prompt': 'Why can a bidirectional RNN not generate text word by word as it goes?',
  'quiz.bi-realtime.a': 'Its right-to-left half needs the whole sequence before it can produce any state.',
  'quiz.bi-realtime.b': 'It has too many parameters to run quickly.',
  'quiz.bi-realtime.c': 'Its two halves always disagree about the next word.',
  'quiz.bi-realtime.why': 'The backward RNN starts at the last element. While text is still being written there is no last element, so the state [h→; h←] cannot be formed.',

  'quiz.bert.prompt': 'BERT reads the words on both sides of each position. Is BERT a bidirectional RNN?',
  'quiz.bert.a': 'No: it is a transformer built on attention; it shares only the idea of using both sides.',
  'quiz.bert.b': 'Yes: it is a stack of bidirectional LSTMs.',
  'quiz.bert.c': 'Yes: it is a GRU that reads the sequence twice.',
  'quiz.bert.why': 'BERT has no recurrence: attention lets every position look at every other one directly. The both-sides idea is what it has in common with BiLSTMs.',

  'quiz.predict-race.prompt':
    'A vanilla RNN and an LSTM of the same size learn the memory task: remember the first letter across {k} distracting digits. Same seed, same batches, {steps} training steps each. Which will answer more held-out questions correctly?',
  'quiz.predict-race.a': 'The LSTM.',
  'quiz.predict-race.b': 'The vanilla RNN.',
  'quiz.predict-race.c': 'About the same (within {margin} points).',
  'quiz.predict-race.why':
    'The letter and the question are separated by {k} distracting digits, so the useful gradient must cross every one of them. The LSTM\'s cell state gives it an additive path; the vanilla RNN\'s signal shrinks at every step. The run decides what counts as correct.',

  'quiz.predict-bidir.prompt':
    'A forward-only LSTM and a bidirectional LSTM learn the tagging task, where words like "paint" or "cold" are settled only by the next word. Same seed, {steps} steps each. On held-out sentences, which one tags more of those ambiguous words correctly?',
  'quiz.predict-bidir.a': 'The bidirectional LSTM.',
  'quiz.predict-bidir.b': 'The forward-only LSTM.',
  'quiz.predict-bidir.c': 'About the same (within {margin} points).',
  'quiz.predict-bidir.why':
    'The forward model must tag an ambiguous word before it has seen the word that settles it; the bidirectional one sees it through its right-to-left half. The run decides what counts as correct.',
} as const;
