/*
 * Self-tests of the red-black tree (kernel/lib/rbtree.c): after every
 * insertion and erasure the tree must be a binary search tree with
 * consistent parent links, a black root, no red node with a red child, and
 * the same number of black nodes on every path; iteration gives the keys in
 * order, both ways.
 */
#include <selftest.h>
#include <rbtree.h>

enum { N = 500 };

struct item {
	struct rb_node node;
	unsigned key;
};

static struct item items[N];

static unsigned key_of(const struct rb_node *n)
{
	return rb_entry(n, struct item, node)->key;
}

static void insert(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = &parent->rb_child[it->key < key_of(parent) ? RB_LEFT : RB_RIGHT];
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color(&it->node, root);
}

/* The black height of the subtree at n, or -1 if it breaks an invariant; counts its nodes into *count. */
static int black_height(const struct rb_node *n, const struct rb_node *parent, unsigned lo, unsigned hi,
			unsigned *count)
{
	if (!n)
		return 1;
	if (n->rb_parent != parent || key_of(n) < lo || key_of(n) > hi)
		return -1;
	if (n->rb_red && ((n->rb_child[RB_LEFT] && n->rb_child[RB_LEFT]->rb_red) ||
			  (n->rb_child[RB_RIGHT] && n->rb_child[RB_RIGHT]->rb_red)))
		return -1;
	int left = black_height(n->rb_child[RB_LEFT], n, lo, key_of(n), count);
	int right = black_height(n->rb_child[RB_RIGHT], n, key_of(n), hi, count);
	if (left < 0 || left != right)
		return -1;
	++*count;
	return left + !n->rb_red;
}

/* Whether the tree holds exactly `expect` nodes, keeps every invariant and iterates in order both ways. */
static bool valid(const struct rb_root *root, unsigned expect)
{
	unsigned count = 0, forward = 0, backward = 0;
	const struct rb_node *n, *last = NULL;

	if (root->rb_node && root->rb_node->rb_red)
		return false;
	if (black_height(root->rb_node, NULL, 0, ~0u, &count) < 0 || count != expect)
		return false;
	for (n = rb_first(root); n; last = n, n = rb_next(n), forward++)
		if (last && key_of(last) > key_of(n))
			return false;
	for (n = last; n; n = rb_prev(n))
		backward++;
	return forward == expect && backward == expect;
}

/* A permutation of 0..N-1 by a step prime to N (from an offset), so the order is neither sorted nor reversed. */
static unsigned scrambled(unsigned i, unsigned step, unsigned offset)
{
	return (i * step + offset) % N;
}

KERNEL_TEST(rbtree_insert_erase_keep_invariants)
{
	struct rb_root root = RB_ROOT;

	KT_ASSERT(valid(&root, 0) && !rb_first(&root));
	for (unsigned i = 0; i < N; i++) {
		items[i].key = scrambled(i, 7, 3) / 2; /* every key twice: equal keys are allowed */
		insert(&root, &items[i]);
		KT_ASSERT(valid(&root, i + 1));
	}
	KT_ASSERT(key_of(rb_first(&root)) == 0);
	for (unsigned i = 0; i < N; i++) {
		rb_erase(&items[scrambled(i, 13, 11)].node, &root);
		KT_ASSERT(valid(&root, N - 1 - i));
	}
	KT_ASSERT(!root.rb_node);
}

KERNEL_TEST(rbtree_sorted_insertions_stay_balanced)
{
	struct rb_root root = RB_ROOT;
	unsigned count = 0;

	for (unsigned i = 0; i < N; i++) {
		items[i].key = i;
		insert(&root, &items[i]);
	}
	/*
	 * A tree of black height bh holds at least 2^bh - 1 nodes, and no path is
	 * longer than 2 bh: 500 nodes have bh <= 8 (9 counted here, with the leaf).
	 */
	KT_ASSERT(black_height(root.rb_node, NULL, 0, ~0u, &count) <= 9 && count == N);
	for (unsigned i = 0; i < N; i += 2)
		rb_erase(&items[i].node, &root);
	KT_ASSERT(valid(&root, N / 2));
	KT_ASSERT(key_of(rb_first(&root)) == 1);
}
