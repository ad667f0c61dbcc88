/**
 * The lesson's prose, in English. `$…$` marks inline mathematics (typeset with KaTeX); `{name}` is a number
 * filled in at runtime from the engine (never typed here). Display formulas live in lesson/formulas.ts.
 */
export const enLesson = {
  // Words set inside the display formulas (lesson/formulas.ts), under a brace or beside a bar.
  'lesson.formula.cell': 'cell',
  'lesson.formula.readout': 'read-out',
  'lesson.formula.direct': 'direct',

  'lesson.why.p1':
    'Speech, text, music and sensor logs all arrive as a stream, and what one item means depends on the items before it. "Bank" after "river" is not "bank" after "savings".',
  'lesson.why.p2':
    'A feedforward network has nowhere to keep the past. Give it a sentence one word at a time and it judges every word in isolation: when the third word arrives, the first two have left no trace. Feeding it the whole sentence at once does not really help either, because its input layer then fixes the length in advance, and what it learns about a word near the start does not transfer to the same word further along.',
  'lesson.why.p3':
    'A recurrent network adds one ingredient: a hidden state $h_t$, a vector of fixed size that summarises everything read so far. At every step the network combines the new input $x_t$ with its previous state $h_{t-1}$ to produce the next state. That state is the network\'s memory, and it has the same size whether the sequence is five steps long or five hundred.',
  'lesson.why.demo':
    'Below, the same cell is drawn once per word of a review. Step through it with the arrow keys or press Play, and follow the state handed from copy to copy; train a model in the Lab and the copies fill with its real values.',

  'lesson.cell.p1': 'The simplest recurrent cell, often called the Elman or vanilla RNN, does one affine map and one squashing function per step:',
  'lesson.cell.p2':
    '$W_{xh}$ carries the input into the hidden space, $W_{hh}$ mixes the old state into the new one, and tanh keeps each component between $-1$ and $1$. When the task wants an answer at a step, a read-out layer $W_{hy}$ turns the state into scores. Before the first input there is no context at all, so the state starts as a vector of zeros: $h_0 = 0$.',
  'lesson.cell.p3':
    'The design choice that makes this work is weight sharing. The same $W_{xh}$, $W_{hh}$ and $b_h$ are used at every step, just as one convolution filter is slid over every position of an image. So a single trained cell can read a sequence of any length, and a pattern it learns near the start of a sequence is recognised near the end too.',
  'lesson.cell.p4':
    'The parameter count follows from the shapes. With $I$ inputs, $H$ hidden units and $O$ outputs the cell holds $H \\cdot I + H \\cdot H + H$ numbers and the read-out $O \\cdot H + O$. It grows with the square of the hidden size, and $T$, the sequence length, appears nowhere: a longer sequence costs more arithmetic, never more weights.',
  'lesson.cell.live':
    'The Lab\'s current task gives I = {I} and O = {O}, with H = {H}. For a vanilla cell of those sizes the formula gives {cellCount} for the cell and {headCount} for the read-out; the engine builds that model and counts {engineCount} trainable parameters. The model selected in the Lab (cell: {labCell}) has {labCount}.',
  'lesson.cell.demo':
    'In the view below, follow one input up through $W_{xh}$ into the state and out through the read-out, and point at an arrow to see that its matrix is shared by every step.',

  'lesson.bptt.p1':
    'To train the cell, it helps to draw it differently. Unrolling lays out one copy of the cell per time step, from left to right. Each copy takes $x_t$ from below, receives $h_{t-1}$ from its left neighbour, passes $h_t$ to its right neighbour, and sends $y_t$ up when an output is needed. The copies are not separate networks: they are the same cell, sharing one set of weights.',
  'lesson.bptt.p2':
    'Drawn this way, the RNN is a deep feedforward network with one layer per step and tied weights, so ordinary backpropagation applies unchanged. Running it backwards from the loss is called backpropagation through time (BPTT): the gradient enters where the outputs are and flows right to left through every copy, down to the first step.',
  'lesson.bptt.p3': 'Because every copy uses the same $W_{hh}$, that matrix receives a contribution at each step, and its gradient is the sum of them:',
  'lesson.bptt.p4':
    'Unrolling is useful twice over. It turns a loop into a graph that standard automatic differentiation can handle, and it gives a picture in which the gradient can be watched as it travels. The price is memory: every state must be kept until the backward pass. Truncated BPTT limits the backward walk to a fixed window of recent steps.',
  'lesson.bptt.demo':
    'Let the view below play on: after the forward pass it runs the backward pass, right to left, the path $\\partial L/\\partial h_t$ takes through every copy. Each copy adds its share to the gradient of $W_{hh}$.',

  'lesson.vanishing.p1': 'Follow the gradient from the last step back to the first. The chain rule multiplies it by one Jacobian per step, the factor nearest the loss first:',
  'lesson.vanishing.p2':
    'Each factor is $W_{hh}$ scaled row by row by the slope of tanh, and that slope, $1 - \\tanh^2$, is never above $1$. If the largest singular value of $W_{hh}$ is below $1$, every factor shortens the gradient, and $T - 1$ of them in a row shorten it geometrically.',
  'lesson.vanishing.worked':
    'A worked example, computed in this window rather than quoted: with T = {T} steps and a typical factor of {factor} per step, what reaches the first step is ${factor}^{{steps}}$ ≈ {value} of what left the last one. One step fewer leaves {less}, one step more {more}.',
  'lesson.vanishing.p3':
    'When the factors are above $1$ the same product explodes instead: the loss jumps, and the weights can overflow. Explosion is loud and easy to cap. Vanishing is quiet: training carries on, the loss still falls, but the early steps receive almost no signal.',
  'lesson.vanishing.p4':
    'What suffers is learning across long distances. Picture a review that opens with a long complaint, "the first hour dragged and the dialogue fell flat", and only at the very end says "but, all things considered, it was surprisingly good". The late verdict has to outweigh a clause many steps earlier, and when the model gets such a review wrong the correction has to travel back across the whole sentence to the words that set up the contrast. After dozens of shrinking factors almost nothing of it arrives, so a vanilla RNN ends up relying on whatever is nearby.',
  'lesson.vanishing.p5':
    'Three remedies are worth knowing. Gradient clipping rescales the gradient whenever its norm passes a threshold, which tames explosion. Careful initialisation, such as an orthogonal $W_{hh}$ or one with spectral radius near $1$, starts the product neither shrinking nor growing. And, most effective, gating changes the cell so that memory is carried forward by addition rather than squashed at every step: the subject of the next section.',
  'lesson.vanishing.demo':
    'The explorer beside this text multiplies the exact Jacobians of a small random tanh RNN whose $W_{hh}$ has the spectral radius you choose: lower it and watch the product collapse, raise it above $1$ and watch it grow.',

  'lesson.gates.p1':
    'The long short-term memory (LSTM) cell keeps two vectors, the hidden state $h_t$ and a cell state $c_t$. Three gates, each a sigmoid between $0$ and $1$, decide what to forget, what to write and what to reveal:',
  'lesson.gates.p2':
    'The line that matters is the update of $c_t$: the old memory is scaled by the forget gate and the new content is added. Along that path the derivative from $c_t$ to $c_{t-1}$ is simply $f_t$, element by element, with no $W_{hh}$ and no tanh slope in between. While the forget gate stays near $1$, the gradient crosses many steps almost intact.',
  'lesson.gates.p3':
    'The gated recurrent unit (GRU) gets the same effect with fewer parts: no separate cell state and two gates. The update gate $z_t$ blends the old state with a candidate, and the reset gate $r_t$ decides how much of the old state the candidate may see (this is the convention PyTorch and this app use):',
  'lesson.gates.p4':
    'Gates cost weights. With the Lab\'s sizes (I = {I}, H = {H}, O = {O}) the engine counts {rnn} parameters for a vanilla RNN, {gru} for a GRU and {lstm} for an LSTM, read-out included.',
  'lesson.gates.demo':
    'The run beside this text trains a vanilla RNN and an LSTM of the same size on the memory task, with the same seed and the same batches: the letter to remember sits far from the question that asks for it. Guess which one will answer correctly before you start it. The Gradients screen races all three cells.',

  'lesson.shapes.p1': 'The same cells solve problems of four shapes, depending on where inputs go in and outputs come out.',
  'lesson.shapes.m2o': 'Many-to-one: read the whole sequence and answer once, at the end. The sentiment of a review, the topic of a document, the next value of a series.',
  'lesson.shapes.m2m':
    'Many-to-many, same length: one output for every input, at the same step. A part-of-speech tag for each word, a label for each video frame, an event flag for each sensor reading.',
  'lesson.shapes.encdec':
    'Many-to-many, different lengths: an encoder reads the input and its final state becomes a context vector; a decoder starts from that context and writes the output token by token, feeding each one back in, until it emits an end marker. Translation, speech recognition and summarisation work like this.',
  'lesson.shapes.o2m': 'One-to-many: a single input sets the starting state and the network writes a whole sequence. A caption from the features of an image, a melody from a first note.',
  'lesson.shapes.p2': 'The Lab has one task of each shape: film-review sentiment, part-of-speech tagging, number words to digits and melody from a seed note.',
  'lesson.shapes.demo': 'The layouts beside this text draw each shape with the same cell, so you can see where the inputs enter and the outputs leave.',

  'lesson.bidirectional.p1':
    'Sometimes the word that settles a decision comes after it. In "paint the fence", paint is a verb; in "paint dries slowly" it is a noun; nothing to its left tells the two apart.',
  'lesson.bidirectional.p2':
    'A bidirectional RNN runs two independent recurrent layers over the same sequence, one left to right and one right to left, and joins their states at each step:',
  'lesson.bidirectional.p3':
    'Every position now sees its whole past and its whole future. The layer has two sets of recurrent weights and a state twice as wide.',
  'lesson.bidirectional.p4':
    'The catch: the right-to-left pass needs the sequence to be complete before any output can be produced. That suits understanding a finished text (tagging, classification, entity recognition) and rules out generating text or reacting in real time. For years bidirectional LSTMs were the standard choice for tagging. The same read-both-sides idea lives on in BERT, but BERT is a transformer built on attention, not a recurrent network.',
  'lesson.bidirectional.demo':
    'The comparison beside this text trains a forward-only model and a bidirectional one on the tagging task with the same seed. Look at the ambiguous words such as "paint" and "cold".',
} as const;
