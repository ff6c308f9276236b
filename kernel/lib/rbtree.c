/*
 * Red-black trees (rbtree.h): the insertion and erasure fix-ups of Cormen
 * et al., "Introduction to Algorithms", ch. 13, with absent children (NULL)
 * as the black leaves.  `dir` names a side; !dir is the other one, so each
 * case is written once and serves both of its mirror images.
 *
 * The invariants: the root is black, a red node has no red child, and every
 * path from a node down to a leaf passes the same number of black nodes.
 */
#include <rbtree.h>

static bool is_red(const struct rb_node *node)
{
	return node && node->rb_red;
}

/* Make new take old's place under parent (or at the root). */
static void change_child(struct rb_root *root, struct rb_node *parent, struct rb_node *old, struct rb_node *new)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_child[RB_LEFT] == old)
		parent->rb_child[RB_LEFT] = new;
	else
		parent->rb_child[RB_RIGHT] = new;
}

/* Rotate x down to side dir: its child on the other side takes its place; the in-order sequence is kept. */
static void rotate(struct rb_root *root, struct rb_node *x, int dir)
{
	struct rb_node *y = x->rb_child[!dir];

	x->rb_child[!dir] = y->rb_child[dir];
	if (y->rb_child[dir])
		y->rb_child[dir]->rb_parent = x;
	y->rb_parent = x->rb_parent;
	change_child(root, x->rb_parent, x, y);
	y->rb_child[dir] = x;
	x->rb_parent = y;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent;

	node->rb_red = true;
	while ((parent = node->rb_parent) && parent->rb_red) {
		/* A red parent is not the root, so the grandparent exists. */
		struct rb_node *gparent = parent->rb_parent;
		int dir = parent == gparent->rb_child[RB_LEFT] ? RB_LEFT : RB_RIGHT;
		struct rb_node *uncle = gparent->rb_child[!dir];

		if (is_red(uncle)) { /* case 1: push the red up two levels */
			parent->rb_red = uncle->rb_red = false;
			gparent->rb_red = true;
			node = gparent;
			continue;
		}
		if (node == parent->rb_child[!dir]) { /* case 2: bring node to the outside */
			rotate(root, parent, dir);
			node = parent;
			parent = node->rb_parent;
		}
		parent->rb_red = false; /* case 3: the parent rises over the grandparent */
		gparent->rb_red = true;
		rotate(root, gparent, !dir);
	}
	root->rb_node->rb_red = false;
}

/*
 * A black node was removed above x (which may be a NULL leaf, hence parent
 * given apart): the paths through x are one black short.  Move the shortage
 * up, or borrow a node from x's sibling's side.
 */
static void erase_fixup(struct rb_root *root, struct rb_node *x, struct rb_node *parent)
{
	while (x != root->rb_node && !is_red(x)) {
		int dir = x == parent->rb_child[RB_LEFT] ? RB_LEFT : RB_RIGHT;
		/* The sibling's side holds at least one black node more than x's: it exists. */
		struct rb_node *sibling = parent->rb_child[!dir];

		if (sibling->rb_red) { /* case 1: make the sibling black */
			sibling->rb_red = false;
			parent->rb_red = true;
			rotate(root, parent, dir);
			sibling = parent->rb_child[!dir];
		}
		if (!is_red(sibling->rb_child[RB_LEFT]) && !is_red(sibling->rb_child[RB_RIGHT])) {
			sibling->rb_red = true; /* case 2: both sides short now: move up */
			x = parent;
			parent = x->rb_parent;
			continue;
		}
		if (!is_red(sibling->rb_child[!dir])) { /* case 3: the sibling's red child to the outside */
			sibling->rb_child[dir]->rb_red = false;
			sibling->rb_red = true;
			rotate(root, sibling, !dir);
			sibling = parent->rb_child[!dir];
		}
		sibling->rb_red = parent->rb_red; /* case 4: the sibling rises, its outer child pays the black */
		parent->rb_red = false;
		sibling->rb_child[!dir]->rb_red = false;
		rotate(root, parent, dir);
		x = root->rb_node;
	}
	if (x)
		x->rb_red = false;
}

/* Put s, the successor of node (the leftmost of its right subtree), in node's place; returns where a node went missing. */
static struct rb_node *replace_by_successor(struct rb_root *root, struct rb_node *node, struct rb_node *s,
					    struct rb_node **x)
{
	struct rb_node *xparent = s;

	*x = s->rb_child[RB_RIGHT];
	if (s->rb_parent != node) {
		xparent = s->rb_parent;
		xparent->rb_child[RB_LEFT] = *x;
		if (*x)
			(*x)->rb_parent = xparent;
		s->rb_child[RB_RIGHT] = node->rb_child[RB_RIGHT];
		s->rb_child[RB_RIGHT]->rb_parent = s;
	}
	s->rb_child[RB_LEFT] = node->rb_child[RB_LEFT];
	s->rb_child[RB_LEFT]->rb_parent = s;
	s->rb_parent = node->rb_parent;
	change_child(root, node->rb_parent, node, s);
	return xparent;
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *x, *xparent;
	bool removed_red;

	if (node->rb_child[RB_LEFT] && node->rb_child[RB_RIGHT]) {
		/* The successor leaves its own place, which is where a colour goes missing; it takes node's colour. */
		struct rb_node *s = node->rb_child[RB_RIGHT];
		while (s->rb_child[RB_LEFT])
			s = s->rb_child[RB_LEFT];
		removed_red = s->rb_red;
		xparent = replace_by_successor(root, node, s, &x);
		s->rb_red = node->rb_red;
	} else {
		x = node->rb_child[node->rb_child[RB_LEFT] ? RB_LEFT : RB_RIGHT];
		xparent = node->rb_parent;
		removed_red = node->rb_red;
		if (x)
			x->rb_parent = xparent;
		change_child(root, xparent, node, x);
	}
	if (!removed_red)
		erase_fixup(root, x, xparent);
}

/* The last node on side dir below node (node itself if it has none). */
static struct rb_node *outermost(struct rb_node *node, int dir)
{
	while (node->rb_child[dir])
		node = node->rb_child[dir];
	return node;
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return root->rb_node ? outermost(root->rb_node, RB_LEFT) : NULL;
}

/* The neighbour on side dir in the in-order sequence. */
static struct rb_node *step(const struct rb_node *node, int dir)
{
	if (node->rb_child[dir])
		return outermost(node->rb_child[dir], !dir);
	/* Up until we come from the other side: that ancestor is the neighbour. */
	while (node->rb_parent && node == node->rb_parent->rb_child[dir])
		node = node->rb_parent;
	return node->rb_parent;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return step(node, RB_RIGHT);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return step(node, RB_LEFT);
}
