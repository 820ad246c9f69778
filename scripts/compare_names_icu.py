#!/usr/bin/env python3
"""The design prototype of the name skeleton (docs/cross-script-search.md), kept to reproduce
one figure: ICU's Arabic-Latin transliteration against the mapping table.

    python3 scripts/compare_names_icu.py [SET_DIR]          # the table (prototype rules)
    python3 scripts/compare_names_icu.py [SET_DIR] --icu    # Arabic words through ICU first

With --icu every Arabic-script word goes through `uconv -x 'Any-Latin; Latin-ASCII; Lower'`
(ICU's transliterator, as utrans would run it) and then the same Latin rules. Searches are
simulated in memory (whole-token match of the search key, else the skeleton tokens, then the
spelling check) and scored with the set's score_names.py. This is the prototype the Swift
`NameSkeleton` was ported from, before its last rules (Latin glide y, Arabic final vowel, Hausa
hooks in the Latin key, index joins for Arabic words only); `scripts/eval-names` scores the
product itself.
"""
import json, os, re, subprocess, sys, unicodedata
# --- approximate searchKey fold (see SearchKeyBuilder) ---
def search_key(t):
    t = re.sub(r"([bdk])['’ʼ]", lambda m: {'b':'ɓ','d':'ɗ','k':'ƙ'}[m.group(1).lower()], t, flags=re.I)
    t = unicodedata.normalize('NFKC', t).casefold()
    out=[]
    for ch in t:
        o=ord(ch)
        if 0x064B<=o<=0x065F or o==0x0670 or 0x06D6<=o<=0x06ED or 0x0610<=o<=0x061A or o==0x0640: continue
        if ch in 'أإآٱٲٳ': ch='ا'
        elif ch in 'ىی': ch='ي'
        elif ch=='ة': ch='ه'
        elif ch=='ک': ch='ك'
        out.append(ch)
    return ''.join(out)

AR = {'ب':'b','پ':'b','ت':'t','ط':'t','ث':'tq','د':'d','ض':'d','ذ':'dz','ر':'r','ز':'z','ظ':'z','ژ':'z',
      'س':'s','ص':'s','ش':'c','چ':'c','ج':'g','غ':'g','ڠ':'g','ڭ':'g','گ':'g','ق':'kg','ك':'k','ف':'f','ڤ':'f','ڢ':'f',
      'ل':'l','م':'m','ن':'n','ه':'h','ح':'h','خ':'x','ع':'','ء':'','ؤ':'','ئ':'','ا':''}
AR_LETTERS = set(AR)|{'و','ي'}
VOW = set('aeiouəy')
def strip_marks(w):
    return ''.join(c for c in unicodedata.normalize('NFD', w) if not unicodedata.combining(c))



WORD = re.compile(r"[\w'’ʼ\-]+")
def words(key):
    return [w.strip("-'’") for w in WORD.findall(key) if w.strip("-'’")]

def ar_units(w):
    toks=[]
    for p in ('وبال','وال','بال','فال','كال','ال'):
        if w.startswith(p) and len(w)-len(p)>=2: w=w[len(p):]; break
    else:
        if w.startswith('لل') and len(w)>=4: w=w[2:]
    w=w.replace('تش','چ')
    if len(w)>2 and w.endswith('ه'): w=w[:-1]
    u=[]; n=len(w)
    for i,ch in enumerate(w):
        if ch=='و':
            prev=w[i-1] if i>0 else None; nxt=w[i+1] if i+1<n else None
            if i==0 or nxt=='ا' or prev=='ا': u.append(('w',False))
            else: u.append(('',True))
        elif ch=='ي': u.append(('y',False) if i==0 else ('',True))
        elif ch in ('ا','ع','ء','ؤ','ئ'): u.append(('',True))
        elif ch in AR: u.append((AR[ch],False))
        else: return None
    return u
LAT_ART=('al','el','an','as','ad','at','ash','az','ar','ul','wal','wa','bil','lil','li','fil','l')
def lat_units(w):
    w=strip_marks(w).replace('ɓ','b').replace('ɗ','d').replace('ƙ','k').replace('ƴ','y').replace('ə','e')
    w=re.sub(r"['’ʼ‘`´]",'',w)
    parts=[p for p in w.split('-') if p]
    while len(parts)>1 and parts[0] in LAT_ART: parts=parts[1:]
    w=''.join(parts)
    if not re.fullmatch(r'[a-z]+',w): return None
    for p in ('al','el'):
        if w.startswith(p) and len(re.sub(r'[aeiouy]','',w[2:]))>=2: w=w[2:]; break
    u=[]; i=0; n=len(w)
    while i<n:
        ch=w[i]; nxt=w[i+1] if i+1<n else ''
        def c(x,k=1):
            nonlocal i; u.append((x,False)); i+=k
        def v(x,k=1):
            nonlocal i; u.append((x,True)); i+=k
        if w.startswith('tch',i) or w.startswith('sch',i): c('c',3); continue
        if ch in 'sc' and nxt=='h': c('c',2); continue
        if ch=='k' and nxt=='h': c('x',2); continue
        if ch=='g' and nxt=='h': c('g',2); continue
        if ch=='t' and nxt=='h': c('q',2); continue
        if ch=='d' and nxt=='h': c('d',2); continue
        if ch=='p' and nxt=='h': c('f',2); continue
        if ch=='d' and nxt=='j': c('g',2); continue
        if ch=='c' and nxt=='k': c('k',2); continue
        if ch=='c': c('kc'); continue
        if ch=='o' and nxt=='u':
            if i+2<n and w[i+2] in 'aei': v('u',2); c('w',0); continue
            v('u',2); continue
        if ch in 'ou' and nxt in 'aei' and i>0 and w[i-1] in 'aeiou': v('u'); c('w',0); continue
        if ch=='a' and nxt in 'uo' and i+2==n: v('a'); c('w',1); continue
        if ch in 'aeiou': v({'a':'a','e':'i','i':'i','o':'u','u':'u'}[ch]); continue
        if ch=='y':
            if i==0: c('y')
            else: v('i')
            continue
        if ch=='h' and i==n-1 and i>0 and w[i-1] in 'aeiou': i+=1; continue
        if ch=='x': c('k'); c('s',0); continue
        c({'p':'b','v':'f','q':'k','j':'g'}.get(ch,ch))
    return u
def expand(u):
    alts=['']
    for x,isv in u:
        if isv: continue
        if len(x)>1: alts=[a+o for a in alts for o in x][:4]
        else: alts=[a+x for a in alts]
    return alts
def skeleton(u):
    # consonants only; collapse identical consonants adjacent in the source (no vowel between); final z->s
    out=[]; prevc=None; prevv=True
    cons=[]
    for x,isv in u:
        if isv: prevv=True; continue
        if x=='' : continue
        if cons and not prevv and cons[-1]==x: continue
        cons.append(x); prevv=False
    if cons and cons[-1]=='z': cons[-1]='s'
    return expand([(c,False) for c in cons])
def variant(u):
    # latin vowel-aware key: vowels a/i/u, runs collapsed, final vowel dropped
    s=[]
    for x,isv in u:
        if x=='': continue
        if s and s[-1][0]==x and (s[-1][1]==isv): continue
        if isv and s and s[-1][1]: s[-1]=('i' if 'i' in (s[-1][0],x) and 'a' in (s[-1][0],x) else s[-1][0], True); continue
        s.append((x,isv))
    while s and s[-1][1]: s.pop()
    if s and s[-1][0]=='z': s[-1]=('s',False)
    alts=['']
    for x,isv in s:
        if len(x)>1: alts=[a+o for a in alts for o in x][:4]
        else: alts=[a+x for a in alts]
    return alts
def is_ar(w): return any(c in AR_LETTERS for c in w)
PROC='وبلفك'
def word_tokens(w):
    """doc-side tokens of one word: arabic: skeletons (+ proclitic-stripped); latin: '1'+skeleton and '0'+variant"""
    if is_ar(w):
        out=set()
        u=ar_units(w)
        if u is None: return set(),[]
        sk=[s for s in skeleton(u) if s]
        out.update(sk)
        if w[0] in PROC and len(w)>=4 and not w.startswith('ال'):
            u2=ar_units(w[1:])
            if u2: out.update(s for s in skeleton(u2) if s)
        return out, sk
    u=lat_units(w)
    if u is None: return set(),[]
    sk=[s for s in skeleton(u) if s]
    return {'1'+s for s in sk}|{'0'+v for v in variant(u) if v}, sk
SHORT=2
def doc_tokens(text):
    toks=set()
    for line in search_key(text).split('\n'):
        ws=words(line); per=[word_tokens(w) for w in ws]
        for i,(t,sk) in enumerate(per):
            toks|=t
            if i+1<len(per) and sk and per[i+1][1] and len(sk[0])<=SHORT:
                pre='' if is_ar(ws[i]) else '1'
                for a in sk:
                    for b in per[i+1][1]: toks.add(pre+a+b)
    return toks
def query_clauses(q):
    """list of clauses; clause = list of alternatives; alternative = list of tokens"""
    ws=[w for w in words(search_key(q))]
    items=[]
    for w in ws:
        if is_ar(w):
            u=ar_units(w); 
            if u is None: continue
            sk=[s for s in skeleton(u) if s]
            if sk: items.append(('a',sk,None))
        else:
            u=lat_units(w)
            if u is None: continue
            sk=[s for s in skeleton(u) if s]
            if sk: items.append(('l',sk,[v for v in variant(u) if v]))
    def alts(it):
        k,sk,var=it
        if k=='a': return [[s] for s in sk]+[['1'+s] for s in sk]
        return [[s] for s in sk]+[['0'+v] for v in var]
    clauses=[]; i=0
    while i<len(items):
        it=items[i]
        if i+1<len(items) and len(it[1][0])<=SHORT:
            nx=items[i+1]
            c=[a+b for a in alts(it) for b in alts(nx)]
            for a in it[1]:
                for b in nx[1]:
                    c.append([a+b]); c.append(['1'+a+b])
            clauses.append(c); i+=2; continue
        clauses.append(alts(it)); i+=1
    return clauses


def slots(u):
    # list of (consonant class, vowel-before) + final vowel flag, consonants collapsed as skeleton
    cons=[]; vb=[]; pv=False; prevv=True
    for x,isv in u:
        if isv: pv=True; prevv=True; continue
        if x=='': continue
        if cons and not prevv and cons[-1]==x: continue
        cons.append(x); vb.append(pv); pv=False; prevv=False
    return cons, vb+[pv]
def fine(qw, dw):
    if is_ar(dw) and len(dw)>=4 and dw[0] in PROC and not dw.startswith('ال') and fine1(qw,dw[1:]): return True
    if is_ar(qw) and len(qw)>=4 and qw[0] in PROC and not qw.startswith('ال') and fine1(qw[1:],dw): return True
    return fine1(qw,dw)
def fine1(qw, dw):
    qa, da = is_ar(qw), is_ar(dw)
    qu = ar_units(qw) if qa else lat_units(qw)
    du = ar_units(dw) if da else lat_units(dw)
    if qu is None or du is None: return False
    if not qa and not da:
        return bool(set(variant(qu))&set(variant(du)))
    if not (set(skeleton(qu))&set(skeleton(du))): return False
    _,qs=slots(qu); _,ds=slots(du)
    if len(qs)!=len(ds): return True
    if qa and da:
        return all(a<=b for a,b in zip(qs,ds)) or all(b<=a for a,b in zip(qs,ds))
    ar,la = (qs,ds) if qa else (ds,qs)
    return all((not a) or b for a,b in list(zip(ar,la))[1:])


def main(argv):
    set_dir = next((a for a in argv[1:] if not a.startswith("--")), os.path.join(os.path.dirname(__file__), "..", "..", "shared", "analyst", "names"))
    docs = {f[:-4]: open(os.path.join(set_dir, "docs", f), encoding="utf-8").read() for f in sorted(os.listdir(os.path.join(set_dir, "docs")))}
    with open(os.path.join(set_dir, "queries.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        queries = [dict(zip(head, l.rstrip("\n").split("\t"))) for l in f if l.strip()]
    if "--icu" in argv:
        global ar_units
        texts = list(docs.values()) + [q["query"] for q in queries]
        arabic = sorted({w for t in texts for line in search_key(t).split("\n") for w in words(line) if is_ar(w)})
        out = subprocess.run(["uconv", "-x", "Any-Latin; Latin-ASCII; Lower"], input="\n".join(arabic),
                             capture_output=True, text=True, check=True).stdout.split("\n")
        latin = dict(zip(arabic, out))
        def ar_units(w):
            t = re.sub(r"[^a-z'-]", "", latin.get(w, ""))
            return lat_units(t) if t else None
    tokens = {d: doc_tokens(t) for d, t in docs.items()}
    plain = {d: set(re.findall(r"[\w\u0300-\u036f\u064b-\u065f\u02bc]+", search_key(t))) for d, t in docs.items()}
    def verify(d, q):
        qws = [w for w in words(search_key(q)) if (ar_units(w) if is_ar(w) else lat_units(w))]
        qws = [w for w in qws if skeleton(ar_units(w) if is_ar(w) else lat_units(w))]
        for line in search_key(docs[d]).split("\n"):
            ws = words(line)
            def at(qi, start, first):
                if qi == len(qws): return True
                for j in (range(start, len(ws)) if first else range(start, min(len(ws), start + 2))):
                    if fine(qws[qi], ws[j]) and at(qi + 1, j + 1, False): return True
                    if j + 1 < len(ws) and fine(qws[qi], ws[j] + ws[j + 1]) and at(qi + 1, j + 2, False): return True
                    if qi + 1 < len(qws) and fine(qws[qi] + qws[qi + 1], ws[j]) and at(qi + 2, j + 1, False): return True
                return False
            if qws and at(0, 0, True): return True
        return False
    pred = os.path.join("/tmp" if os.path.isdir("/tmp") else ".", "names-prototype-PRED.jsonl")
    with open(pred, "w", encoding="utf-8") as out:
        for q in queries:
            terms = set(re.findall(r"[\w\u0300-\u036f\u064b-\u065f\u02bc]+", search_key(q["query"])))
            hits = [d for d in docs if terms and terms <= plain[d]]
            if not hits:
                clauses = query_clauses(q["query"])
                hits = [d for d in docs if clauses and all(any(all(t in tokens[d] for t in alt) for alt in c) for c in clauses)
                        and verify(d, q["query"])]
            out.write(json.dumps({"qid": q["qid"], "hits": hits}) + "\n")
    subprocess.run([sys.executable, os.path.join(set_dir, "score_names.py"), set_dir, pred], check=True)


if __name__ == "__main__":
    main(sys.argv)
