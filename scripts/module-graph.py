#!/usr/bin/env python3
"""The module graph of verdict-core (top-level modules, `crate::x` references outside tests).

Prints the edges and every cycle (strongly connected component with more than one module);
exits 1 when there is a cycle. Run by `make test` (docs/ARCHITECTURE.md, "Layers").
Usage: scripts/module-graph.py [crates/core/src]
"""
import os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else "crates/core/src"
edges = {}
for dirpath, _, files in os.walk(root):
    for name in files:
        if not name.endswith(".rs"):
            continue
        path = os.path.join(dirpath, name)
        rel = os.path.relpath(path, root)
        module = rel.split(os.sep)[0].removesuffix(".rs")
        if module in ("lib", "main"):
            continue
        if rel.split(os.sep)[-1] in ("tests.rs", "props.rs"):
            continue
        text = open(path, encoding="utf-8").read()
        text = text.split("#[cfg(test)]")[0]
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
        for target in re.findall(r"crate::([a-z_]+)", text):
            if target != module:
                edges.setdefault(module, set()).add(target)
        edges.setdefault(module, set())

# Tarjan's strongly connected components.
index, low, stack, on_stack, components, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1
    stack.append(v); on_stack.add(v)
    for w in sorted(edges.get(v, ())):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop(); on_stack.discard(w); component.append(w)
            if w == v:
                break
        components.append(component)
sys.setrecursionlimit(10000)
for v in sorted(edges):
    if v not in index:
        visit(v)
for module in sorted(edges):
    print(f"{module} -> {', '.join(sorted(edges[module])) or '(nothing)'}")
cycles = [sorted(c) for c in components if len(c) > 1]
for cycle in cycles:
    print("cycle:", " <-> ".join(cycle))
sys.exit(1 if cycles else 0)
