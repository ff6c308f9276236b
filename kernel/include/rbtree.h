/*
 * Red-black trees, with the names of Linux's include/linux/rbtree.h.  The
 * tree holds nodes embedded in the caller's structures and knows nothing of
 * keys: the caller walks down to the empty link where a new node belongs,
 * rb_link_node() hangs it there and rb_insert_color() rebalances.  A plain
 * red-black tree (Cormen et al., "Introduction to Algorithms", ch. 13): no
 * path from the root is more than twice as long as another, so search,
 * insertion and erasure are O(log n).
 *
 * Children are an array, rb_child[RB_LEFT] and rb_child[RB_RIGHT], so that
 * every rebalancing case is written once for both mirror images.
 */
#ifndef RBTREE_H
#define RBTREE_H
#include <types.h>

enum { RB_LEFT, RB_RIGHT };

struct rb_node {
	struct rb_node *rb_parent;
	struct rb_node *rb_child[2];
	bool rb_red;
};

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT ((struct rb_root){ NULL })
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

/* Hang node at *link, an empty child link of parent (or the root's, with parent NULL). */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **link)
{
	node->rb_parent = parent;
	node->rb_child[RB_LEFT] = node->rb_child[RB_RIGHT] = NULL;
	*link = node;
}

/* Colour a just-linked node and rebalance the tree around it. */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
/* Take node out of the tree and rebalance. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order iteration: the first (leftmost) node, and a node's successor or predecessor; NULL past the end. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
#endif
