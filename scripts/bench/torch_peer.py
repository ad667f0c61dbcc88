"""The benchmark's second peer: the same training step in PyTorch, one thread, float32.

torch.nn.RNN / LSTM / GRU (their time loop runs inside ATen, the fastest torch path) + nn.Linear on every step,
softmax cross-entropy averaged over all T*B targets, plain SGD (lr 0.01). Inputs are the bench's token ids, fed
either as one-hot vectors or through nn.Embedding(I, I) (what a torch user writes); both are timed and the faster is
reported. Reads one case as JSON on argv[1] ("clock": "cpu" measures in process CPU time instead of elapsed
time), prints one JSON line: {"steps_per_s", "input", "torch"}.
Run by scripts/bench/torch-peer.ts with Debian's /usr/bin/python3; installs nothing.
"""
import json
import sys
import time

import torch


def tokens(B, vocab, t):
    # the same ids as tokens() in scripts/bench/tfjs-peer.ts
    return [(i * 31 + t * 17 + ((i * t) % 5)) % vocab for i in range(B)]


class Net(torch.nn.Module):
    def __init__(self, cell, I, H, O, embed):
        super().__init__()
        self.embed = torch.nn.Embedding(I, I) if embed else None
        kind = {'rnn': torch.nn.RNN, 'lstm': torch.nn.LSTM, 'gru': torch.nn.GRU}[cell]
        self.rnn = kind(I, H, nonlinearity='tanh') if cell == 'rnn' else kind(I, H)
        self.head = torch.nn.Linear(H, O)

    def forward(self, x):
        if self.embed is not None:
            x = self.embed(x)
        out, _ = self.rnn(x)
        return self.head(out)


def runner(c, embed):
    T, B, I, O, H = c['T'], c['B'], c['I'], c['O'], c['H']
    torch.manual_seed(1)
    net = Net(c['cell'], I, H, O, embed)
    ids = torch.tensor([tokens(B, I, t) for t in range(T)], dtype=torch.long)
    x = ids if embed else torch.nn.functional.one_hot(ids, I).to(torch.float32)
    y = torch.tensor([tokens(B, O, t + 7) for t in range(T)], dtype=torch.long).reshape(T * B)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(x).reshape(T * B, O), y)
        loss.backward()
        opt.step()
        return loss.item()

    return step


def measure(step, min_ms, clock, min_steps=3):
    warm = clock()
    while (clock() - warm) * 1000 < min_ms / 3:
        step()
    steps = 0
    start = clock()
    while steps < min_steps or (clock() - start) * 1000 < min_ms:
        step()
        steps += 1
    return steps / (clock() - start)


def main():
    torch.set_num_threads(1)
    c = json.loads(sys.argv[1])
    clock = time.process_time if c.get('clock') == 'cpu' else time.perf_counter
    best = None
    for embed in (False, True):
        rate = measure(runner(c, embed), c['min_ms'], clock)
        if best is None or rate > best[0]:
            best = (rate, 'embedding' if embed else 'one-hot')
    print(json.dumps({'steps_per_s': best[0], 'input': best[1], 'torch': torch.__version__}))


if __name__ == '__main__':
    main()
