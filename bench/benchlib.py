#!/usr/bin/env python3
"""Helpers for the imgdl benchmark scripts (standard library only).

Subcommands:
  peak ROOTPID OUTFILE [INTERVAL]
      Poll the process tree under ROOTPID (ROOTPID itself and any `time` or
      `timeout` wrapper excluded) every INTERVAL seconds (default 0.1) and write
      the largest SUM of resident set sizes seen, in kB, to OUTFILE. Stops when
      ROOTPID has exited (is gone or a zombie).
  run-table RESULTS.tsv META.tsv BASELINE
      Markdown table per corpus set for run.sh, and the start-up table.
  targets RESULTS.tsv META.tsv
      The targets of issue #15 with the measured figures (run.sh).
  tvp-table RESULTS.tsv META.tsv
      Markdown table for threads-vs-processes.sh.
  scale-table RESULTS.tsv META.tsv
      Markdown table for scale.sh.
  scale-lists OUTDIR SMALL_LIST SIZE...
      Write OUTDIR/list-SIZE.txt and OUTDIR/list-SIZE.expect (expected counts).
  check-report REPORT EXPECT
      Compare the summary of an imgdl JSON report with an .expect file.
  parquet-list LIST OUT.parquet          (needs pyarrow)
      One row per line of LIST: url, caption ("image N", N from 0), license.
  parquet-dump FILE.parquet...           (needs pyarrow)
      key, url, status, sha256 of every row of imgdl's shard metadata, tab-separated.
  check-shards OUT ROWS WWW DUMP [SAMPLE]
      Verify a webdataset output directory (dataset.sh); DUMP is parquet-dump's output, or
      "-" when the metadata is JSONL (read from OUT). Prints key<TAB>value lines, "reason" last.
  dataset-table RESULTS.tsv META.tsv EXTRA.tsv
      Markdown table for dataset.sh.

RESULTS.tsv columns: group, tool, run, wall_s, user_s, sys_s, rss_kb, rc, ok, reason
(rss_kb is max(GNU time %M, sampled process-tree sum)). META.tsv: key, value.
Only parquet-list and parquet-dump import anything beyond the standard library (pyarrow).
"""
import csv
import json
import os
import random
import signal
import statistics
import sys
import time


# ---------------------------------------------------------------- peak RSS

def _proc_table():
    """pid -> (ppid, comm, state, rss_pages) for every process we can read."""
    table = {}
    for name in os.listdir('/proc'):
        if not name.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % name, 'rb') as f:
                data = f.read()
            with open('/proc/%s/statm' % name, 'rb') as f:
                rss = int(f.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        # comm may contain spaces and parentheses: split at the last ')'
        lpar, rpar = data.find(b'('), data.rfind(b')')
        comm = data[lpar + 1:rpar].decode('utf-8', 'replace')
        rest = data[rpar + 2:].split()
        table[int(name)] = (int(rest[1]), comm, rest[0].decode(), rss)
    return table


def peak(root, outfile, interval=0.1):
    page_kb = os.sysconf('SC_PAGE_SIZE') // 1024
    best = 0
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while not stop:
        table = _proc_table()
        me = table.get(root)
        if me is None or me[2] in ('Z', 'X'):
            break
        children = {}
        for pid, (ppid, _c, _s, _r) in table.items():
            children.setdefault(ppid, []).append(pid)
        total, todo = 0, list(children.get(root, []))
        while todo:
            pid = todo.pop()
            ppid, comm, _state, rss = table[pid]
            if comm not in ('time', 'timeout'):
                total += rss
            todo.extend(children.get(pid, []))
        best = max(best, total * page_kb)
        time.sleep(interval)
    with open(outfile, 'w') as f:
        f.write('%d\n' % best)


# ---------------------------------------------------------------- tables

def _read_results(path):
    with open(path, newline='') as f:
        return list(csv.DictReader(f, delimiter='\t'))


def _read_meta(path):
    meta = {}
    with open(path) as f:
        for line in f:
            line = line.rstrip('\n')
            if line:
                k, _, v = line.partition('\t')
                meta[k] = v
    return meta


def _summarise(rows):
    """Medians over the runs that passed; over all runs when none passed."""
    good = [r for r in rows if r['ok'] == '1']
    use = good or rows
    med = lambda key: statistics.median(float(r[key]) for r in use)
    wall = med('wall_s')
    cpu = statistics.median(float(r['user_s']) + float(r['sys_s']) for r in use)
    rss_mb = med('rss_kb') * 1024 / 1e6
    if len(good) == len(rows):
        check = 'ok %d/%d' % (len(good), len(rows))
    else:
        reasons = sorted({r['reason'] for r in rows if r['ok'] != '1'})
        check = '**FAIL** %d/%d: %s' % (len(rows) - len(good), len(rows), '; '.join(reasons))
    return {'wall': wall, 'cpu': cpu, 'rss': rss_mb, 'check': check,
            'failed': len(good) != len(rows)}


def _f(x, nd=2):
    if x is None:
        return '–'
    if x >= 1000:
        return '{:,.0f}'.format(x)
    if x >= 100:
        return '%.0f' % x
    if x >= 10:
        return '%.1f' % x
    return ('%.' + str(nd) + 'f') % x


def _groups(rows, key):
    out = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out


SET_TITLES = {'small': 'small', 'large': 'large', 'mixed': 'mixed',
              'steady': 'steady state (many small files)', 'latency': 'latency'}
RUNNER_LABELS = {'jar': 'java -jar', 'jar25': 'java -jar, JDK 25',
                 'launcher17': 'launcher, JDK 17', 'launcher25': 'launcher, JDK 25'}
# the java -jar run on the same JDK as a runner (for the start-up ratios)
SAME_JDK_JAR = {'launcher17': 'jar', 'launcher25': 'jar25'}


def _ratio(a, b):
    return _f(a / b) if a is not None and b else '–'


def run_table(results, metafile, baseline):
    rows = _read_results(results)
    meta = _read_meta(metafile)
    groups = _groups(rows, 'group')
    for group, grows in groups.items():
        if group in ('one', 'empty'):
            continue
        files = int(meta[group + '.files'])
        nbytes = int(meta[group + '.bytes'])
        title = SET_TITLES.get(group, group)
        if group == 'latency':
            title = '%s ms latency' % meta.get('latency_ms', '?')
        print('### %s: %s files, %.1f MB\n' % (title, '{:,}'.format(files), nbytes / 1e6))
        if group == 'latency' and 'latency.check_rate' in meta:
            rate, ideal = int(meta['latency.check_rate']), int(meta['latency.check_ideal'])
            nodelay = int(meta.get('latency.check_nodelay', 0))
            if rate >= 0.85 * ideal:
                verdict = 'the delaying server is not the bottleneck'
            elif nodelay >= 2 * ideal:
                verdict = ('client and server have the capacity, so the shortfall is most '
                           'likely the delay running late on a busy machine (for every tool)')
            else:
                verdict = '**the server or the machine is possibly the bottleneck**'
            print('Server check: curl at %s-way concurrency, 2,000 tiny files with the same delay: '
                  '%s req/s, %.0f%% of the ideal %s (concurrency / delay); without the delay %s '
                  'req/s: %s.\n' % (meta.get('workers', '?'), rate, 100.0 * rate / ideal, ideal,
                                     nodelay, verdict))
        print('| tool | median wall s | median CPU s | median peak RSS MB | files/s | MB/s '
              '| wall ratio to %s | CPU ratio to %s | process / thread wall | check |'
              % (baseline, baseline))
        print('|---|--:|--:|--:|--:|--:|--:|--:|--:|---|')
        sums = {t: _summarise(v) for t, v in _groups(grows, 'tool').items()}
        base = sums.get(baseline)
        for tool, s in sums.items():
            name = ('**FAIL** ' + tool) if s['failed'] else tool
            pt = '–'
            if tool.startswith('imgdl-process/'):
                thread = sums.get('imgdl-thread/' + tool.split('/', 1)[1])
                pt = _ratio(s['wall'], thread and thread['wall'])
            print('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
                name, _f(s['wall']), _f(s['cpu']), _f(s['rss'], 1),
                _f(files / s['wall']) if s['wall'] > 0 else '–',
                _f(nbytes / 1e6 / s['wall']) if s['wall'] > 0 else '–',
                _ratio(s['wall'], base and base['wall']), _ratio(s['cpu'], base and base['cpu']),
                pt, s['check']))
        print()
    if 'one' in groups:
        startup_table(groups.get('empty', []), groups['one'])


def startup_table(empty, one):
    """Start-up: imgdl per runner on an empty list and on one image; ratio to java -jar."""
    e = {t: _summarise(v) for t, v in _groups(empty, 'tool').items()}
    o = {t: _summarise(v) for t, v in _groups(one, 'tool').items()}
    n = max(len(v) for v in _groups(one, 'tool').values())
    print('### start-up: an empty list and a list of one small image (%d runs)\n' % n)
    print('| tool | empty: median wall s | empty: mean wall s | one image: median wall s '
          '| one image: mean wall s | one image: median CPU s | one image: median peak RSS MB '
          '| one image: ratio to java -jar on the same JDK | check |')
    print('|---|--:|--:|--:|--:|--:|--:|--:|---|')
    for tool, so in o.items():
        se = e.get(tool)
        runner = tool.split('/', 1)[1] if '/' in tool else ''
        ref = o.get('imgdl-thread/' + SAME_JDK_JAR[runner]) if runner in SAME_JDK_JAR else None
        mean = lambda rows: statistics.mean(float(r['wall_s']) for r in rows
                                            if r['ok'] == '1' or not any(x['ok'] == '1' for x in rows))
        checks = 'one ' + so['check'] + ('; empty ' + se['check'] if se else '')
        print('| %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
            tool if '/' not in tool else '%s (%s)' % (tool, RUNNER_LABELS.get(runner, runner)),
            _f(se['wall']) if se else '–',
            _f(mean([r for r in empty if r['tool'] == tool])) if se else '–',
            _f(so['wall']), _f(mean([r for r in one if r['tool'] == tool])),
            _f(so['cpu']), _f(so['rss'], 1),
            _ratio(so['wall'], ref and ref['wall']), checks))
    print()


def _med(rows, group, tool):
    sel = [r for r in rows if r['group'] == group and r['tool'] == tool]
    return _summarise(sel)['wall'] if sel else None


def targets(results, metafile):
    """The targets of issue #15, each with its measured figure."""
    rows = _read_results(results)
    meta = _read_meta(metafile)
    runners = []
    for r in rows:
        t = r['tool']
        if t.startswith('imgdl-') and '/' in t and t.split('/', 1)[1] not in runners:
            runners.append(t.split('/', 1)[1])
    lines = []

    def vs(text, group, tool, ref, limit, unit):
        a, b = _med(rows, group, tool), _med(rows, group, ref)
        if a is None or b is None or b <= 0:
            return
        ratio = a / b
        lines.append((text, '%s %s (%s s against %s s)' % (_f(ratio), unit, _f(a), _f(b)),
                      'met' if ratio <= limit else '**missed**'))

    def files(group):
        n = meta.get(group + '.files')
        return '{:,}'.format(int(n)) if n else '?'

    for runner, limit in (('launcher17', 3.0), ('launcher25', 2.5)):
        vs('%s, small set (%s files), thread mode: ≤ %s × curl'
           % (RUNNER_LABELS[runner], files('small'), limit),
           'small', 'imgdl-thread/' + runner, 'curl', limit, '× curl')
    for runner in ('launcher17', 'launcher25'):
        vs('%s, large set (%s files), thread mode: ≤ 5 × curl'
           % (RUNNER_LABELS[runner], files('large')),
           'large', 'imgdl-thread/' + runner, 'curl', 5.0, '× curl')
    for runner in runners:
        vs('%s, steady state (%s small files), thread mode: ≤ 2.0 × curl'
           % (RUNNER_LABELS.get(runner, runner), files('steady')),
           'steady', 'imgdl-thread/' + runner, 'curl', 2.0, '× curl')
    for runner, ref in SAME_JDK_JAR.items():
        vs('%s, start-up with one image: ≤ 0.6 × java -jar on the same JDK'
           % RUNNER_LABELS[runner], 'one', 'imgdl-thread/' + runner, 'imgdl-thread/' + ref,
           0.6, '× java -jar')
    for runner in runners:
        for group in ('small', 'large'):
            vs('%s, %s set: process mode ≤ 1.5 × thread mode at -w %s'
               % (RUNNER_LABELS.get(runner, runner), group, meta.get('workers', '?')),
               group, 'imgdl-process/' + runner, 'imgdl-thread/' + runner, 1.5, '× thread')
    for runner in runners:
        vs('%s, %s ms latency (%s files), thread mode: ≤ 1.1 × curl'
           % (RUNNER_LABELS.get(runner, runner), meta.get('latency_ms', '?'), files('latency')),
           'latency', 'imgdl-thread/' + runner, 'curl', 1.1, '× curl')
    if not lines:
        return
    print('### Targets (issue #15)\n')
    if meta.get('quick') == '1':
        print('**A --quick run**: reduced sets and one run, a check of the harness, not of the '
              'targets.\n')
    print('| target | measured | |')
    print('|---|---|---|')
    for line in lines:
        print('| %s | %s | %s |' % line)
    print()


def tvp_table(results, metafile):
    rows = _read_results(results)
    meta = _read_meta(metafile)
    # tool = "MODE/WORKERS/RUNNER", group = empty | one | small | large
    keys = []
    for r in rows:
        if r['tool'] not in keys:
            keys.append(r['tool'])
    order = list(RUNNER_LABELS)
    keys.sort(key=lambda k: (k.split('/')[0] != 'thread', int(k.split('/')[1]),
                             order.index(k.split('/')[2]) if k.split('/')[2] in order else 99))
    groups = [g for g in ('small', 'large') if g + '.files' in meta]
    head = ['mode', 'workers', 'run by', 'start-up, empty list: wall s', 'start-up, empty list: peak RSS MB',
            'start-up, 1 URL: wall s', 'start-up, 1 URL: peak RSS MB']
    for g in groups:
        head += ['%s: wall s' % g, '%s: files/s' % g, '%s: MB/s' % g,
                 '%s: CPU s' % g, '%s: peak RSS MB' % g]
    head.append('process / thread wall (%s)' % ', '.join(groups))
    head.append('check')
    print('| ' + ' | '.join(head) + ' |')
    print('|---|--:|---|' + '--:|' * (len(head) - 4) + '---|')
    for k in keys:
        mode, workers, runner = k.split('/')
        cells, checks = [mode, workers, RUNNER_LABELS.get(runner, runner)], []
        for g in ['empty', 'one'] + groups:
            sel = [r for r in rows if r['tool'] == k and r['group'] == g]
            if not sel:
                cells += ['–'] * (2 if g in ('empty', 'one') else 5)
                continue
            s = _summarise(sel)
            if s['failed']:
                checks.append('%s %s' % (g, s['check']))
            if g in ('empty', 'one'):
                cells += [_f(s['wall']), _f(s['rss'], 1)]
            else:
                files, nbytes = int(meta[g + '.files']), int(meta[g + '.bytes'])
                cells += [_f(s['wall']), _f(files / s['wall']), _f(nbytes / 1e6 / s['wall']),
                          _f(s['cpu']), _f(s['rss'], 1)]
        ratios = []
        for g in groups:
            mine = [r for r in rows if r['tool'] == k and r['group'] == g]
            other = [r for r in rows if r['tool'] == 'thread/%s/%s' % (workers, runner)
                     and r['group'] == g]
            if mode == 'process' and mine and other:
                ratios.append(_ratio(_summarise(mine)['wall'], _summarise(other)['wall']))
        cells.append(' / '.join(ratios) if ratios else '–')
        cells.append('; '.join(checks) if checks else 'ok')
        print('| ' + ' | '.join(cells) + ' |')
    print()


def scale_table(results, metafile):
    rows = _read_results(results)
    meta = _read_meta(metafile)
    startup = {}
    for r in rows:
        if r['group'] == 'empty':
            startup.setdefault(r['tool'], []).append(r)
    startup = {m: _summarise(v)['wall'] for m, v in startup.items()}
    print('| mode / run by | entries | skipped | duplicate | invalid | median wall s | µs per entry '
          '| µs per entry, start-up subtracted | median CPU s | median peak RSS MB '
          '| with --report: wall s | with --report: peak RSS MB | check |')
    print('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|')
    sizes = sorted({int(r['group']) for r in rows if r['group'].isdigit()})
    modes = []
    for r in rows:
        if r['tool'] not in modes:
            modes.append(r['tool'])
    for mode in modes:
        for n in sizes:
            sel = [r for r in rows if r['tool'] == mode and r['group'] == str(n)]
            rep = [r for r in rows if r['tool'] == mode and r['group'] == 'report-%d' % n]
            if not sel:
                continue
            s = _summarise(sel)
            su = startup.get(mode)
            net = (s['wall'] - su) * 1e6 / n if su is not None else None
            check = s['check']
            rw = rr = '–'
            if rep:
                sr = _summarise(rep)
                rw, rr = _f(sr['wall']), _f(sr['rss'], 1)
                check += '; report ' + ('ok' if not sr['failed'] else sr['check'])
            print('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
                mode, '{:,}'.format(n), '{:,}'.format(int(meta['%d.skipped' % n])),
                '{:,}'.format(int(meta['%d.duplicate' % n])),
                '{:,}'.format(int(meta['%d.invalid' % n])),
                _f(s['wall']), _f(s['wall'] * 1e6 / n),
                _f(net) if net is not None else '–', _f(s['cpu']), _f(s['rss'], 1),
                rw, rr, check))
    if startup:
        print('\nStart-up (empty list, median wall s): ' +
              ', '.join('%s %s' % (m, _f(v)) for m, v in startup.items()))
    print()


# ---------------------------------------------------------------- scale lists

INVALID = ['not a url', 'ftp://127.0.0.1/file.jpg', 'http://', '/relative/path.jpg',
           'mailto:someone@example.org', 'http//missing-colon.example/a.jpg']


def scale_lists(outdir, small_list, sizes):
    with open(small_list) as f:
        urls = [l.strip() for l in f if l.strip()]
    for n in sizes:
        n = int(n)
        invalid = n // 100
        unique = min(len(urls), n - invalid)
        dup = n - unique - invalid
        rng = random.Random(n)
        # a shuffled sequence of line kinds. Which copy of a URL comes first does not change
        # the counts: the first is skipped (its file exists), the others are duplicates.
        kinds = ['u'] * unique + ['d'] * dup + ['x'] * invalid
        rng.shuffle(kinds)
        lines, seen = [], 0
        for i, kind in enumerate(kinds):
            if kind == 'u':
                lines.append(urls[seen])
                seen += 1
            elif kind == 'd':
                # an exact copy, an upper-case scheme, or an added #fragment
                u = urls[rng.randrange(unique)]
                if i % 3 == 1:
                    u = 'HTTP' + u[4:]
                elif i % 3 == 2:
                    u = u + '#dup%d' % i
                lines.append(u)
            else:
                lines.append(INVALID[i % len(INVALID)])
        path = os.path.join(outdir, 'list-%d.txt' % n)
        with open(path, 'w') as f:
            f.write('\n'.join(lines) + '\n')
        with open(os.path.join(outdir, 'list-%d.expect' % n), 'w') as f:
            f.write('entries\t%d\nskipped\t%d\nduplicate\t%d\ninvalid\t%d\n'
                    'downloaded\t0\nfailed\t0\n' % (n, unique, dup, invalid))


def check_report(report, expect):
    with open(report) as f:
        rep = json.load(f)
    want = {}
    with open(expect) as f:
        for line in f:
            k, v = line.split()
            want[k] = int(v)
    summary = rep.get('summary', {})
    bad = ['%s=%s (want %d)' % (k, summary.get(k), v) for k, v in want.items()
           if summary.get(k) != v]
    n = len(rep.get('results', []))
    if n != want['entries']:
        bad.append('results has %d objects (want %d)' % (n, want['entries']))
    if bad:
        print('report mismatch: ' + ', '.join(bad))
        return 1
    return 0


# ---------------------------------------------------------------- dataset.sh

def parquet_list(list_path, out):
    import pyarrow as pa
    import pyarrow.parquet as pq
    with open(list_path) as f:
        urls = [l.rstrip('\n') for l in f if l.strip()]
    table = pa.table({'url': urls, 'caption': ['image %d' % i for i in range(len(urls))],
                      'license': ['CC BY 4.0'] * len(urls)})
    pq.write_table(table, out + '.tmp', compression='snappy')
    os.replace(out + '.tmp', out)


def parquet_dump(files):
    import pyarrow.parquet as pq
    out = sys.stdout
    for path in files:
        t = pq.read_table(path).to_pydict()
        cols = [t.get(c) or [''] * len(t['key']) for c in ('key', 'url', 'status', 'sha256')]
        for row in zip(*cols):
            out.write('\t'.join('' if v is None else str(v) for v in row) + '\n')


def _tar_members(path):
    import tarfile
    with tarfile.open(path) as tar:
        for m in tar:
            if m.isfile():
                yield m, tar


def check_shards(out, rows, www, dump, sample=16):
    """A webdataset output directory: every tar's image members = downloaded entries = ROWS,
    one .txt and one .json per image, ROWS metadata rows with distinct keys, all 'downloaded',
    and SAMPLE image members (spread over the keys) byte-identical to the served files."""
    import hashlib
    rows = int(rows)
    names = sorted(os.listdir(out))
    tars = [n for n in names if n.endswith('.tar')]
    other = [n for n in names if not (n.endswith('.tar') or n.endswith('.parquet')
                                      or n.endswith('.jsonl'))]
    meta = []
    if dump == '-':
        for n in names:
            if n.endswith('.jsonl'):
                with open(os.path.join(out, n)) as f:
                    for line in f:
                        o = json.loads(line)
                        meta.append((o.get('key'), o.get('url'), o.get('status'), o.get('sha256')))
    else:
        with open(dump) as f:
            meta = [tuple(l.rstrip('\n').split('\t')) for l in f if l.strip()]
    by_key = {m[0]: m for m in meta}
    downloaded = sum(1 for m in meta if m[2] == 'downloaded')
    images, txt, js, step = {}, 0, 0, max(1, rows // sample)
    for t in tars:
        for m, tar in _tar_members(os.path.join(out, t)):
            key, _, ext = m.name.partition('.')
            if ext == 'txt':
                txt += 1
            elif ext == 'json':
                js += 1
            else:
                images[key] = (t, m.name)
    reasons = []
    if other:
        reasons.append('unexpected files: %s' % ', '.join(other[:3]))
    if len(meta) != rows or len(by_key) != rows:
        reasons.append('metadata rows %d (%d keys), expected %d' % (len(meta), len(by_key), rows))
    if downloaded != rows:
        reasons.append('downloaded %d, expected %d' % (downloaded, rows))
    if len(images) != downloaded or txt != len(images) or js != len(images):
        reasons.append('tar members: %d images, %d .txt, %d .json; downloaded %d'
                       % (len(images), txt, js, downloaded))
    checked = 0
    keys = sorted(images)
    for key in keys[::step][:sample]:
        tarname, member = images[key]
        url = by_key.get(key, ('', ''))[1]
        path = os.path.join(www, url.split('://', 1)[-1].split('/', 1)[-1])
        import tarfile
        with tarfile.open(os.path.join(out, tarname)) as tar:
            got = hashlib.sha256(tar.extractfile(member).read()).hexdigest()
        with open(path, 'rb') as f:
            want = hashlib.sha256(f.read()).hexdigest()
        if got != want:
            reasons.append('sha256 differs: %s (%s)' % (member, url))
            break
        checked += 1
    print('shards\t%d\ntar_images\t%d\ntar_txt\t%d\ntar_json\t%d\nmeta_rows\t%d\n'
          'downloaded\t%d\nsha_checked\t%d' % (len(tars), len(images), txt, js, len(meta),
                                                  downloaded, checked))
    print('detail\t%d tars: {:,} images, {:,} .txt, {:,} .json; {:,} metadata rows, {:,} '
          'downloaded; sha256 of %d members = served files'.format(
              len(images), txt, js, len(meta), downloaded) % (len(tars), checked))
    print('reason\t%s' % '; '.join(reasons))


def dataset_table(results, metafile, extrafile):
    rows = _read_results(results)
    meta = _read_meta(metafile)
    extra = {}
    with open(extrafile, newline='') as f:
        for r in csv.DictReader(f, delimiter='\t'):
            extra.setdefault(r['tool'], []).append(r)
    n = int(meta['rows'])
    sums = {t: _summarise(v) for t, v in _groups(rows, 'tool').items()}
    print('| input → output | run by | entries | median wall s | entries/s | median CPU s '
          '| median peak RSS MB | output MB | output files | wall ratio to list → files '
          '| load average (1 min) after the runs | verification |')
    print('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|')
    for tool, s in sums.items():
        kind, runner = tool.split('/', 1)
        ref = sums.get('files/' + runner)
        ex = extra.get(tool, [])
        size = statistics.median(float(r['out_bytes']) for r in ex) / 1e6 if ex else None
        nfiles = statistics.median(float(r['out_files']) for r in ex) if ex else None
        detail = ex[-1]['detail'] if ex else ''
        loads = sorted(float(r['load1']) for r in ex)
        label = ('Parquet → webdataset (%s metadata, shards of %s)'
                 % (meta.get('metadata', '?'), '{:,}'.format(int(meta.get('shard_size', 0))))
                 if kind == 'webdataset' else 'list → files')
        check = s['check'] + ('; ' + detail if detail else '')
        print('| %s%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
            '**FAIL** ' if s['failed'] else '', label, RUNNER_LABELS.get(runner, runner),
            '{:,}'.format(n), _f(s['wall']), _f(n / s['wall']) if s['wall'] > 0 else '–',
            _f(s['cpu']), _f(s['rss'], 1), _f(size, 1) if size is not None else '–',
            '{:,.0f}'.format(nfiles) if nfiles is not None else '–',
            _ratio(s['wall'], ref and ref['wall']),
            ('%.1f–%.1f' % (loads[0], loads[-1]) if loads[0] != loads[-1] else '%.1f' % loads[0])
            if loads else '–', check))
    print()


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ''
    if cmd == 'peak':
        peak(int(argv[2]), argv[3], float(argv[4]) if len(argv) > 4 else 0.1)
    elif cmd == 'run-table':
        run_table(argv[2], argv[3], argv[4])
    elif cmd == 'targets':
        targets(argv[2], argv[3])
    elif cmd == 'tvp-table':
        tvp_table(argv[2], argv[3])
    elif cmd == 'scale-table':
        scale_table(argv[2], argv[3])
    elif cmd == 'scale-lists':
        scale_lists(argv[2], argv[3], argv[4:])
    elif cmd == 'check-report':
        return check_report(argv[2], argv[3])
    elif cmd == 'parquet-list':
        parquet_list(argv[2], argv[3])
    elif cmd == 'parquet-dump':
        parquet_dump(argv[2:])
    elif cmd == 'check-shards':
        check_shards(argv[2], argv[3], argv[4], argv[5], int(argv[6]) if len(argv) > 6 else 16)
    elif cmd == 'dataset-table':
        dataset_table(argv[2], argv[3], argv[4])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
