"""Write the label font's code points (its cmap) as ranges into font-coverage.generated.ts."""
from fontTools.ttLib import TTFont

FONT = 'resources/fonts/DejaVuSansCondensed-Bold.subset.ttf'
OUT = 'src-renderer/views/unrolled/scene/font-coverage.generated.ts'

ranges = []
for c in sorted(TTFont(FONT).getBestCmap().keys()):
    if ranges and ranges[-1][1] == c - 1:
        ranges[-1][1] = c
    else:
        ranges.append([c, c])
rows = ',\n  '.join(', '.join(f'0x{a:x}, 0x{b:x}' for a, b in ranges[i:i + 6]) for i in range(0, len(ranges), 6))
with open(OUT, 'w') as f:
    f.write(f'''// Generated from {FONT} (its cmap) by the steps in resources/fonts/README.md.
// Do not edit by hand.

/** Code points the bundled label font draws, as inclusive [first, last] pairs in ascending order. */
export const FONT_RANGES: readonly number[] = [
  {rows},
];
''')
