-- 0023_recent_cursors: the recent trees of 0022 are merged a slice at a
-- time (issue 18). Emptying a whole recent tree into its large one, as
-- 0022 did when it held an eighth of the rows, made one commit in many
-- read and rewrite the whole large tree (75 MB of names at 100,000
-- articles): that batch paid for all the others. Now, once a recent tree
-- holds an eighth of the rows, each commit moves as many as it holds
-- beyond that, the next in key order after its cursor, wrapping round at
-- the last key (store/recent). A cursor is the key of the last row moved:
-- k1, k2, k3 are the tree's key columns (NULL: before the first key).
CREATE TABLE recent_cursors (
    tree TEXT PRIMARY KEY,
    k1, k2, k3
) WITHOUT ROWID;
