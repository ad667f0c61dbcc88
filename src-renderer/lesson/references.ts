import type { MessageKey } from '../i18n/en';

/** One entry of the references page; `summary` is our own one-line description. */
export interface Reference {
  readonly id: string;
  readonly kind: 'paper' | 'course' | 'library';
  /** Citation as it is usually written (authors, year, title, venue): bibliographic data, not prose. */
  readonly citation: string;
  readonly url: string;
  readonly summary: MessageKey;
}

const doi = (d: string) => `https://doi.org/${d}`;
const arxiv = (id: string) => `https://arxiv.org/abs/${id}`;

export const REFERENCES: readonly Reference[] = [
  { id: 'elman', kind: 'paper', citation: 'Elman, J. L. (1990). Finding structure in time. Cognitive Science, 14(2), 179–211.', url: doi('10.1207/s15516709cog1402_1'), summary: 'ref.elman.summary' },
  { id: 'werbos90', kind: 'paper', citation: 'Werbos, P. J. (1990). Backpropagation through time: what it does and how to do it. Proceedings of the IEEE, 78(10), 1550–1560.', url: doi('10.1109/5.58337'), summary: 'ref.werbos90.summary' },
  { id: 'bengio94', kind: 'paper', citation: 'Bengio, Y., Simard, P., & Frasconi, P. (1994). Learning long-term dependencies with gradient descent is difficult. IEEE Transactions on Neural Networks, 5(2), 157–166.', url: doi('10.1109/72.279181'), summary: 'ref.bengio94.summary' },
  { id: 'hochreiter97', kind: 'paper', citation: 'Hochreiter, S., & Schmidhuber, J. (1997). Long short-term memory. Neural Computation, 9(8), 1735–1780.', url: doi('10.1162/neco.1997.9.8.1735'), summary: 'ref.hochreiter97.summary' },
  { id: 'schuster97', kind: 'paper', citation: 'Schuster, M., & Paliwal, K. K. (1997). Bidirectional recurrent neural networks. IEEE Transactions on Signal Processing, 45(11), 2673–2681.', url: doi('10.1109/78.650093'), summary: 'ref.schuster97.summary' },
  { id: 'gers00', kind: 'paper', citation: 'Gers, F. A., Schmidhuber, J., & Cummins, F. (2000). Learning to forget: continual prediction with LSTM. Neural Computation, 12(10), 2451–2471.', url: doi('10.1162/089976600300015015'), summary: 'ref.gers00.summary' },
  { id: 'pascanu13', kind: 'paper', citation: 'Pascanu, R., Mikolov, T., & Bengio, Y. (2013). On the difficulty of training recurrent neural networks. ICML.', url: arxiv('1211.5063'), summary: 'ref.pascanu13.summary' },
  { id: 'graves13', kind: 'paper', citation: 'Graves, A. (2013). Generating sequences with recurrent neural networks.', url: arxiv('1308.0850'), summary: 'ref.graves13.summary' },
  { id: 'cho14', kind: 'paper', citation: 'Cho, K., van Merriënboer, B., Gulcehre, C., Bahdanau, D., Bougares, F., Schwenk, H., & Bengio, Y. (2014). Learning phrase representations using RNN encoder–decoder for statistical machine translation. EMNLP.', url: arxiv('1406.1078'), summary: 'ref.cho14.summary' },
  { id: 'sutskever14', kind: 'paper', citation: 'Sutskever, I., Vinyals, O., & Le, Q. V. (2014). Sequence to sequence learning with neural networks. NeurIPS.', url: arxiv('1409.3215'), summary: 'ref.sutskever14.summary' },
  { id: 'chung14', kind: 'paper', citation: 'Chung, J., Gulcehre, C., Cho, K., & Bengio, Y. (2014). Empirical evaluation of gated recurrent neural networks on sequence modeling.', url: arxiv('1412.3555'), summary: 'ref.chung14.summary' },
  { id: 'devlin18', kind: 'paper', citation: 'Devlin, J., Chang, M.-W., Lee, K., & Toutanova, K. (2019). BERT: pre-training of deep bidirectional transformers for language understanding. NAACL.', url: arxiv('1810.04805'), summary: 'ref.devlin18.summary' },
  { id: 'dlbook', kind: 'course', citation: 'Goodfellow, I., Bengio, Y., & Courville, A. (2016). Deep Learning, chapter 10: Sequence modeling. MIT Press.', url: 'https://www.deeplearningbook.org/contents/rnn.html', summary: 'ref.dlbook.summary' },
  { id: 'colah', kind: 'course', citation: 'Olah, C. (2015). Understanding LSTM networks.', url: 'https://colah.github.io/posts/2015-08-Understanding-LSTMs/', summary: 'ref.colah.summary' },
  { id: 'karpathy', kind: 'course', citation: 'Karpathy, A. (2015). The unreasonable effectiveness of recurrent neural networks.', url: 'https://karpathy.github.io/2015/05/21/rnn-effectiveness/', summary: 'ref.karpathy.summary' },
  { id: 'd2l', kind: 'course', citation: 'Zhang, A., Lipton, Z. C., Li, M., & Smola, A. J. Dive into Deep Learning: recurrent neural networks.', url: 'https://d2l.ai/chapter_recurrent-neural-networks/index.html', summary: 'ref.d2l.summary' },
  { id: 'pytorch', kind: 'library', citation: 'PyTorch (torch.nn.RNN, LSTM, GRU).', url: 'https://github.com/pytorch/pytorch', summary: 'ref.pytorch.summary' },
  { id: 'charrnn', kind: 'library', citation: 'Karpathy, A. char-rnn.', url: 'https://github.com/karpathy/char-rnn', summary: 'ref.charrnn.summary' },
  { id: 'recurrentjs', kind: 'library', citation: 'Karpathy, A. recurrentjs.', url: 'https://github.com/karpathy/recurrentjs', summary: 'ref.recurrentjs.summary' },
];
