"""A fast, deterministic 2-D layout for the HTML explorer (numpy only, no scipy).

Each connected component is placed on its own: an initial shape from Pivot MDS
(breadth-first distances to a few pivots), then force-directed refinement
(Fruchterman-Reingold). Repulsion is exact for small components and uses a
quadtree-style multilevel grid (far cells act through their centre of mass) for
large ones, so 5,000 nodes lay out in about a second. Components are then packed
in rows, largest first. Units: one ideal edge length; the caller scales.
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

import numpy as np

EXACT_LIMIT = 150          # components up to this size get exact O(n^2) repulsion
PIVOTS = 40                # pivots for the Pivot MDS start
GAP = 2.0                  # space between packed components (edge lengths)
OWN_CELL_EXACT = 24        # up to this many nodes in one grid cell repel pairwise


def layout(nodes: list[Hashable], pairs: Iterable[tuple[Hashable, Hashable]],
           seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Positions for `nodes` given undirected `pairs` (duplicates and loops ignored)."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    u, v = _unique_pairs(index, pairs)
    rng = np.random.default_rng(seed)
    pieces = []
    for members in _components(n, u, v):
        pieces.append((members, _layout_component(members, u, v, n, rng)))
    pos = _pack(pieces, n)
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}


def _unique_pairs(index, pairs):
    seen = set()
    for a, b in pairs:
        i, j = index[a], index[b]
        if i != j:
            seen.add((i, j) if i < j else (j, i))
    if not seen:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    arr = np.array(sorted(seen), dtype=np.int64)
    return arr[:, 0], arr[:, 1]


def _csr(n, u, v):
    """Adjacency (both directions) as CSR arrays."""
    src = np.concatenate([u, v])
    dst = np.concatenate([v, u])
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    return indptr, dst[order]


def _components(n, u, v):
    """Connected components (arrays of node indices), largest first."""
    parent = np.arange(n)

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in zip(u.tolist(), v.tolist()):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([find(i) for i in range(n)])
    order = np.argsort(roots, kind="stable")
    splits = np.flatnonzero(np.diff(roots[order])) + 1
    groups = np.split(order, splits)
    groups.sort(key=lambda g: (-len(g), int(g[0])))
    return groups


def _layout_component(members, u, v, n_total, rng):
    """Unit-edge-length coordinates for one component."""
    size = len(members)
    if size == 1:
        return np.zeros((1, 2))
    if size == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    local = np.full(n_total, -1, np.int64)
    local[members] = np.arange(size)
    keep = local[u] >= 0
    cu, cv = local[u[keep]], local[v[keep]]
    indptr, indices = _csr(size, cu, cv)
    pos = _pivot_mds(size, indptr, indices)
    pos += rng.normal(scale=0.05, size=pos.shape)     # split nodes with identical distances
    pos = _spread_to_area(pos, size)
    return _force_directed(pos, cu, cv, iterations=_iterations(size))


def _iterations(size):
    return 120 if size <= EXACT_LIMIT else 70


def _bfs(indptr, indices, source, size):
    dist = np.full(size, -1, np.int64)
    dist[source] = 0
    frontier = np.array([source])
    level = 0
    while frontier.size:
        level += 1
        starts, ends = indptr[frontier], indptr[frontier + 1]
        counts = ends - starts
        total = int(counts.sum())
        if total == 0:
            break
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
        nxt = indices[offsets]
        nxt = np.unique(nxt[dist[nxt] < 0])
        dist[nxt] = level
        frontier = nxt
    return dist


def _pivot_mds(size, indptr, indices):
    """Pivot MDS (Brandes & Pich): classical MDS on distances to k farthest-first pivots."""
    k = min(PIVOTS, size)
    degree = np.diff(indptr)
    pivot = int(np.argmax(degree))
    columns = []
    nearest = np.full(size, np.iinfo(np.int64).max)
    for _ in range(k):
        dist = _bfs(indptr, indices, pivot, size).astype(float)
        columns.append(dist)
        nearest = np.minimum(nearest, dist)
        pivot = int(np.argmax(nearest))
        if nearest[pivot] == 0:
            break
    d2 = np.stack(columns, axis=1) ** 2
    c = -0.5 * (d2 - d2.mean(axis=0) - d2.mean(axis=1, keepdims=True) + d2.mean())
    values, vectors = np.linalg.eigh(c.T @ c)
    top = vectors[:, np.argsort(values)[::-1][:2]]
    pos = c @ top
    if pos.shape[1] < 2:
        pos = np.column_stack([pos, np.zeros(size)])
    return pos


def _spread_to_area(pos, size):
    """Scale so the component covers about one square unit per node."""
    pos = pos - pos.mean(axis=0)
    extent = np.ptp(pos, axis=0).max()
    target = math.sqrt(size) * 1.2
    return pos * (target / extent) if extent > 0 else pos


def _force_directed(pos, u, v, iterations):
    size = len(pos)
    start = max(0.5, 0.1 * math.sqrt(size))
    temps = np.geomspace(start, 0.02, iterations)
    repel = _repulsion_exact if size <= EXACT_LIMIT else _repulsion_grid
    for temp in temps:
        force = repel(pos)
        delta = pos[u] - pos[v]
        dist = np.sqrt((delta ** 2).sum(axis=1))[:, None]
        pull = delta * dist                           # attraction d^2 along the edge
        for axis in (0, 1):
            force[:, axis] -= np.bincount(u, pull[:, axis], size)
            force[:, axis] += np.bincount(v, pull[:, axis], size)
        length = np.sqrt((force ** 2).sum(axis=1))[:, None]
        pos = pos + force / np.maximum(length, 1e-9) * np.minimum(length, temp)
    return pos - pos.mean(axis=0)


def _repulsion_exact(pos):
    dx = pos[:, 0, None] - pos[None, :, 0]
    dy = pos[:, 1, None] - pos[None, :, 1]
    scale = _inverse_distance(dx * dx + dy * dy)
    return np.column_stack([(dx * scale).sum(axis=1), (dy * scale).sum(axis=1)])


def _inverse_distance(d2):
    """1/d along the unit vector, i.e. the factor for delta: 1/(d * max(d, 0.01)).
    Capped near zero but not vanishing, so that coinciding nodes still push apart."""
    d = np.sqrt(d2)
    return 1.0 / (np.maximum(d, 1e-9) * np.maximum(d, 0.01))


_OFFSETS = np.arange(-2, 4)
_CX_OFF = np.repeat(_OFFSETS, 6)[None, :]
_CY_OFF = np.tile(_OFFSETS, 6)[None, :]


def _repulsion_grid(pos):
    """Approximate repulsion on a multilevel grid (a simple fast multipole scheme).

    At each level, the cells inside the parent's 3x3 neighbourhood but not adjacent to
    a cell act on it through their centre of mass; coarse levels evaluate that once per
    occupied cell (at its centre of mass), the finest level per node, including the
    adjacent cells and the node's own cell without the node itself."""
    size = len(pos)
    depth = max(2, math.ceil(math.log2(math.sqrt(size / 2))))
    low = pos.min(axis=0)
    span = np.ptp(pos, axis=0).max() * (1 + 1e-9) + 1e-9
    finest = np.minimum(((pos - low) / span * (1 << depth)).astype(np.int64), (1 << depth) - 1)
    force = np.zeros_like(pos)
    for level in range(2, depth):
        grid = 1 << level
        cell = finest >> (depth - level)
        cid = cell[:, 0] * grid + cell[:, 1]
        mass, sums = _cell_sums(cid, grid, pos)
        occupied = np.flatnonzero(mass[:-1])
        occ_cell = np.column_stack([occupied // grid, occupied % grid])
        centre = sums[occupied] / mass[occupied, None]
        cx, cy = _candidates(occ_cell)
        far = ~((np.abs(cx - occ_cell[:, :1]) <= 1) & (np.abs(cy - occ_cell[:, 1:]) <= 1))
        per_cell = np.zeros((grid * grid + 1, 2))
        per_cell[occupied] = _push_from_cells(centre, cx, cy, far, grid, mass, sums)
        force += per_cell[cid]
    grid = 1 << depth
    cid = finest[:, 0] * grid + finest[:, 1]
    mass, sums = _cell_sums(cid, grid, pos)
    cx, cy = _candidates(finest)
    other = ~((cx == finest[:, :1]) & (cy == finest[:, 1:]))
    force += _push_from_cells(pos, cx, cy, other, grid, mass, sums, near=True)
    force += _own_cell(pos, cid, mass, sums)
    return force


def _own_cell(pos, cid, mass, sums):
    """Repulsion between nodes sharing a finest cell: exact pairs for cells of up to
    OWN_CELL_EXACT nodes (so that coinciding nodes separate), centre of mass beyond."""
    force = np.zeros_like(pos)
    order = np.argsort(cid, kind="stable")
    sorted_cid = cid[order]
    crowded = mass[cid] > OWN_CELL_EXACT
    for step in range(1, min(int(mass.max()), OWN_CELL_EXACT + 1)):
        same = np.flatnonzero(sorted_cid[step:] == sorted_cid[:-step])
        if same.size == 0:
            break
        i, j = order[same], order[same + step]
        keep = ~crowded[i]
        i, j = i[keep], j[keep]
        delta = pos[i] - pos[j]
        push = delta * _inverse_distance((delta ** 2).sum(axis=1))[:, None]
        for axis in (0, 1):
            force[:, axis] += np.bincount(i, push[:, axis], len(pos))
            force[:, axis] -= np.bincount(j, push[:, axis], len(pos))
    if crowded.any():
        others = mass[cid[crowded]] - 1
        centre = (sums[cid[crowded]] - pos[crowded]) / others[:, None]
        delta = pos[crowded] - centre
        force[crowded] += delta * (others * _inverse_distance((delta ** 2).sum(axis=1)))[:, None]
    return force


def _candidates(cell):
    """The 6x6 block of child cells under the parent's 3x3 neighbourhood."""
    base = (cell >> 1) * 2
    return base[:, :1] + _CX_OFF, base[:, 1:] + _CY_OFF


def _cell_sums(cid, grid, pos):
    cells = grid * grid + 1                           # last cell: empty sentinel
    mass = np.bincount(cid, minlength=cells).astype(float)
    sums = np.column_stack([np.bincount(cid, pos[:, 0], cells),
                            np.bincount(cid, pos[:, 1], cells)])
    return mass, sums


def _push_from_cells(points, cx, cy, use, grid, mass, sums, near=False):
    inside = use & (cx >= 0) & (cx < grid) & (cy >= 0) & (cy < grid)
    cid = np.where(inside, cx * grid + cy, grid * grid)
    m = mass[cid]
    safe = np.maximum(m, 1)
    dx = points[:, :1] - sums[cid, 0] / safe
    dy = points[:, 1:] - sums[cid, 1] / safe
    d2 = dx * dx + dy * dy
    scale = m * _inverse_distance(d2) if near else m / np.maximum(d2, 1e-9)
    return np.column_stack([(dx * scale).sum(axis=1), (dy * scale).sum(axis=1)])


def _pack(pieces, n):
    """Place components in rows (shelves), largest first; returns an (n, 2) array."""
    out = np.zeros((n, 2))
    boxes = []
    for members, pos in pieces:
        low, high = pos.min(axis=0), pos.max(axis=0)
        boxes.append((members, pos - low, high - low + GAP))
    total = sum(float(w * h) for _, _, (w, h) in boxes)
    row_width = max(math.sqrt(total) * 1.3, max(float(b[2][0]) for b in boxes))
    x = y = row_height = 0.0
    for members, pos, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out[members] = pos + (x, y)
        x += w
        row_height = max(row_height, float(h))
    return out - out.mean(axis=0)
