#!/usr/bin/env python3
"""bench/resize.sh's checks and tables (standard library, and ImageMagick's identify).

Subcommands:
  sizes DIR
      min, median and max size in bytes of the *.jpg files in DIR, tab-separated.
  check OUT REPORT ENTRIES SHARD_SIZE WWW SIZE|- [SAMPLE]
      Verify one run: its JSON report (ENTRIES entries, all downloaded, none failed) and its
      webdataset output (complete shards of SHARD_SIZE entries, JSONL metadata, one image and
      one .json member per entry). SAMPLE (16) image members spread over the entries are, with
      SIZE, a SIZExSIZE JPEG (identify; border mode pads to a square) and, with "-", the served
      file byte for byte. Prints key<TAB>value lines, "detail" and "reason" (empty: all is well).
  table RESULTS.tsv META.tsv EXTRA.tsv
      The Markdown results and targets tables.

RESULTS.tsv is lib.sh's (group, tool, run, wall_s, user_s, sys_s, rss_kb, rc, ok, reason); a
tool is KIND-MODE/RUNNER, KIND resize, plain or noxmx, MODE tW (thread mode, -w W) or pP
(process mode, -w 16 --processes P). EXTRA.tsv: tool, run, parent_mib, child_mib, load1, detail.
"""
import csv
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import RUNNER_LABELS, _f, _groups, _read_meta, _read_results, _summarise  # noqa

IMAGE_EXTS = ('jpg', 'jpeg', 'png', 'gif', 'webp')


def sizes(directory):
    s = sorted(os.path.getsize(os.path.join(directory, f))
               for f in os.listdir(directory) if f.endswith('.jpg'))
    print('%d\t%d\t%d' % (s[0], int(statistics.median(s)), s[-1]))


def _check_report(report, entries):
    with open(report) as f:
        summary = json.load(f)['summary']
    want = {'entries': entries, 'downloaded': entries, 'failed': 0, 'skipped': 0,
            'invalid': 0, 'duplicate': 0}
    bad = ['%s %s' % (k, summary.get(k)) for k, v in want.items() if summary.get(k) != v]
    return ('report: %s (expected %d entries, all downloaded)' % (', '.join(bad), entries)
            if bad else None)


def _shard_names(entries, shard_size):
    return ['%05d' % i for i in range((entries + shard_size - 1) // shard_size)]


def _identify(data):
    p = subprocess.run(['identify', '-format', '%m %w %h', '-'], input=data,
                       capture_output=True, timeout=60)
    return p.stdout.decode(errors='replace').strip() or 'identify failed'


def check(out, report, entries, shard_size, www, size, sample=16):
    entries, shard_size = int(entries), int(shard_size)
    reasons = []
    r = _check_report(report, entries)
    if r:
        reasons.append(r)
    shards = _shard_names(entries, shard_size)
    expected = {s + '.tar' for s in shards} | {s + '.jsonl' for s in shards}
    # beside the shards: the layout record, and each complete shard's statistics (issue #22)
    allowed = {'imgdl-layout.json'} | {s + '_stats.json' for s in shards}
    names = set(os.listdir(out))
    if expected - names:
        reasons.append('missing: %s' % ', '.join(sorted(expected - names)[:3]))
    if names - expected - allowed:
        reasons.append('unexpected files: %s' % ', '.join(sorted(names - expected - allowed)[:3]))
    rows, members, width_ok, width_rows, samples = 0, 0, 0, 0, []
    step = max(1, entries // sample)
    for i, s in enumerate(shards):
        if s + '.tar' not in names or s + '.jsonl' not in names:
            continue
        want_rows = min(shard_size, entries - i * shard_size)
        with open(os.path.join(out, s + '.jsonl')) as f:
            meta = [json.loads(line) for line in f if line.strip()]
        keys = {m.get('key') for m in meta}
        done = [m for m in meta if m.get('status') == 'downloaded']
        if len(meta) != want_rows or len(keys) != want_rows or len(done) != want_rows:
            reasons.append('%s.jsonl: %d rows, %d keys, %d downloaded; expected %d'
                           % (s, len(meta), len(keys), len(done), want_rows))
        rows += len(meta)
        # with --resize the metadata carries the saved image's size (issue #22 item 3)
        for m in meta:
            if m.get('width') is not None and size != '-':
                width_rows += 1
                width_ok += m.get('width') == int(size) and m.get('height') == int(size)
        url_of = {m.get('key'): m.get('url') for m in meta}
        with tarfile.open(os.path.join(out, s + '.tar')) as tar:
            images, jsons = {}, set()
            for m in tar:
                if not m.isfile():
                    continue
                key, _, ext = m.name.partition('.')
                if ext == 'json':
                    jsons.add(key)
                elif ext in IMAGE_EXTS:
                    images[key] = m
            if len(images) != want_rows or set(images) != jsons:
                reasons.append('%s.tar: %d images, %d .json members; expected %d each'
                               % (s, len(images), len(jsons), want_rows))
            members += len(images)
            for j, key in enumerate(sorted(images)):
                if (i * shard_size + j) % step == 0 and len(samples) < sample:
                    samples.append((s, images[key].name, tar.extractfile(images[key]).read(),
                                    url_of.get(key) or ''))
    for tarname, member, data, url in samples:
        if size != '-':
            got = _identify(data)
            if got != 'JPEG %s %s' % (size, size) or not member.endswith('.jpg'):
                reasons.append('%s/%s: %s, expected a %sx%s JPEG' % (tarname, member, got,
                                                                  size, size))
                break
        else:
            path = os.path.join(www, url.split('://', 1)[-1].split('/', 1)[-1])
            with open(path, 'rb') as f:
                if hashlib.sha256(f.read()).digest() != hashlib.sha256(data).digest():
                    reasons.append('%s/%s differs from %s' % (tarname, member, url))
                    break
    if width_rows and width_ok != rows:
        reasons.append('metadata: %d of %d rows with width and height %s' % (width_ok, rows, size))
    what = ('%sx%s JPEGs (identify)' % (size, size) if size != '-'
            else 'byte-identical to the served files')
    print('shards\t%d\nrows\t%d\nimages\t%d\nsampled\t%d' % (len(shards), rows, members,
                                                            len(samples)))
    print('detail\t{:,} entries downloaded, 0 failed (report); {} shards of JSONL metadata '
          '({:,} rows) and tars ({:,} images, each with its .json); {} sampled members {}{}'
          .format(entries, len(shards), rows, members, len(samples), what,
                  '; metadata width = height = %s' % size if width_rows else ''))
    print('reason\t%s' % '; '.join(reasons))


TARGET_PER_CORE = 150
TARGET_PROCESS_RATIO = 1.2
TARGET_MB = 1000


def _row_label(kind, mode):
    if mode.startswith('t'):
        run = 'thread, -w %s' % mode[1:]
    else:
        run = 'process, -w 16 --processes %s' % mode[1:]
    return run, {'resize': 'yes', 'plain': 'no', 'noxmx': 'yes, no -Xmx'}[kind]


def table(results, metafile, extrafile):
    rows = _read_results(results)
    meta = _read_meta(metafile)
    extra = {}
    with open(extrafile, newline='') as f:
        for r in csv.DictReader(f, delimiter='\t'):
            extra.setdefault(r['tool'], []).append(r)
    n = int(meta['entries'])
    sums, details = {}, {}
    print('| run | resize | run by | median wall s | images/s | CPU s | CPU ms / image '
          '| images / CPU s | parent peak MiB | largest child MiB | tree peak MB | walls of the '
          'runs, s | check |')
    print('|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|')
    for tool, trows in _groups(rows, 'tool').items():
        s = sums[tool] = _summarise(trows)
        kind_mode, runner = tool.split('/', 1)
        kind, mode = kind_mode.split('-', 1)
        run, resize = _row_label(kind, mode)
        ex = [e for e in extra.get(tool, []) if e['parent_mib'] not in ('', '?')]
        parent = statistics.median(float(e['parent_mib']) for e in ex) if ex else None
        child = statistics.median(float(e['child_mib']) for e in ex) if ex else 0
        walls = ', '.join(_f(float(r['wall_s'])) for r in trows)
        detail = extra[tool][-1]['detail'] if extra.get(tool) else ''
        print('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
            ('**FAIL** ' if s['failed'] else '') + run, resize, RUNNER_LABELS.get(runner, runner),
            _f(s['wall']), _f(n / s['wall']) if s['wall'] else '–', _f(s['cpu']),
            _f(1000 * s['cpu'] / n), _f(n / s['cpu']) if s['cpu'] else '–',
            _f(parent, 1), _f(child, 1) if child else '–', _f(s['rss'], 1), walls,
            s['check']))
        if detail and not s['failed']:
            details.setdefault(kind == 'plain', detail)
    print()
    for plain, detail in sorted(details.items()):
        print('Checked in each %s run: %s.' % ('plain' if plain else 'resize', detail))
    print()
    _targets(sums, meta, n)


def _verdict(ok):
    return 'met' if ok else '**missed**'


def _targets(sums, meta, n):
    print('| target | run | figure | |')
    print('|---|---|--:|---|')
    resize = {t: s for t, s in sums.items() if t.startswith('resize-')}
    if not resize:
        print('| every target | resize rows | not measured | %s |' % meta.get(
            'skipped', 'no resize row ran'))
        print()
        return
    for tool, s in resize.items():
        mode, runner = tool.split('-', 1)[1].split('/', 1)
        if s['cpu']:
            print('| ≥ %d images/s per core with resize | %s | %s images / CPU s | %s |' % (
                TARGET_PER_CORE, _row_label('resize', mode)[0] + ', '
                + RUNNER_LABELS.get(runner, runner),
                _f(n / s['cpu']), _verdict(n / s['cpu'] >= TARGET_PER_CORE)))
    for tool, s in resize.items():
        mode, runner = tool.split('-', 1)[1].split('/', 1)
        thread = sums.get('resize-t16/' + runner)
        if mode.startswith('p') and thread and thread['wall']:
            ratio = s['wall'] / thread['wall']
            print('| process wall ≤ %.1f × thread wall, -w 16 | --processes %s / -w 16, %s '
                  '| %.2f × | %s |' % (TARGET_PROCESS_RATIO, mode[1:],
                                       RUNNER_LABELS.get(runner, runner), ratio,
                                       _verdict(ratio <= TARGET_PROCESS_RATIO)))
    # the -Xmx-free rows at -w 16 (with an -Xmx in IMGDL_JAVA_OPTS, only the noxmx row is free)
    memory = ['noxmx-t16'] if meta.get('xmx') else ['resize-t16', 'resize-p1', 'resize-p2']
    for row in memory:
        for tool, s in sums.items():
            if tool.split('/', 1)[0] != row:
                continue
            runner = RUNNER_LABELS.get(tool.split('/', 1)[1], tool.split('/', 1)[1])
            print('| peak memory < 1 GB at -w 16, no -Xmx (process mode: the whole tree) '
                  '| %s, %s | %s MB | %s |' % (_row_label(*row.split('-'))[0], runner,
                                               _f(s['rss'], 1), _verdict(s['rss'] < TARGET_MB)))
    print()


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ''
    if cmd == 'sizes':
        sizes(argv[2])
    elif cmd == 'check':
        check(*argv[2:8], sample=int(argv[8]) if len(argv) > 8 else 16)
    elif cmd == 'table':
        table(argv[2], argv[3], argv[4])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
