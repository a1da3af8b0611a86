//! One stable sort for every list the core and the UI order (in the CRM module because the CRM
//! has most of them). `slice::sort_by` is instantiated anew for each element type *and* each
//! comparison closure (about 2 KB of wasm apiece, dozens of them in the CRM app); here the sorting itself runs once, on indices, behind a `&dyn` comparison, and only
//! a few-byte shell is generic. Lists are small (a class's customers), so the indirection costs
//! nothing measurable.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal elements keep their order).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = permutation(v.len(), &|a, b| cmp(&v[a], &v[b]));
    apply(&order, &mut |a, b| v.swap(a, b));
}

/// Sorts `v` by the key `f` gives, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], f: impl Fn(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)))
}

/// The stable order of `0..n` under `cmp`: `out[i]` is the index of the element that goes `i`th.
fn permutation(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Moves elements into `order` with swaps, one cycle of the permutation at a time.
fn apply(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut j = start;
        while !done[j] {
            done[j] = true;
            let k = order[j];
            if k == start {
                break;
            }
            // Position `j` takes what belongs there; what was at `j` moves on to `k`.
            swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A fixed pseudo-random sequence of (key, tag) pairs with many equal keys.
        let mut x: u32 = 12345;
        for len in [0usize, 1, 2, 3, 7, 20, 64, 200] {
            let v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((x >> 16) % 5, i)
                })
                .collect();
            let mut mine = v.clone();
            sort_by_key(&mut mine, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(mine, std, "len {len}");
        }
    }

    #[test]
    fn descending_comparator_and_strings() {
        let mut v = vec!["b".to_string(), "a".into(), "c".into(), "a".into()];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "b", "a", "a"]);
    }
}
