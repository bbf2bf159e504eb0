// net_kernel module builtins and erlang's node lists (distribution comes later; these answer
// for the local node, which is never alive: node() is nonode@nohost).
#include <optional>

#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"

namespace joist {

namespace {

// A node type of nodes/1,2: visible, hidden, connected, this or known.
enum class NodeType { Other, This, Bad };

NodeType node_type(Term t) {
    static const Term other[] = {atoms().intern("visible"), atoms().intern("hidden"),
                                 atoms().intern("connected")};
    if (t == atoms().intern("this") || t == atoms().intern("known")) return NodeType::This;
    for (Term o : other)
        if (t == o) return NodeType::Other;
    return NodeType::Bad;
}

// Whether the node list of `arg` (a node type or a proper list of them) holds the local node;
// nullopt when `arg` is neither. No other node is ever connected or known.
std::optional<bool> lists_this_node(Term arg) {
    if (arg.is_atom()) {
        NodeType t = node_type(arg);
        if (t == NodeType::Bad) return std::nullopt;
        return t == NodeType::This;
    }
    bool self = false;
    for (; arg.is_list(); arg = arg.tail()) {
        NodeType t = node_type(arg.head());
        if (t == NodeType::Bad) return std::nullopt;
        self = self || t == NodeType::This;
    }
    if (!arg.is_nil()) return std::nullopt;
    return self;
}

} // namespace

// erlang:nodes/0 — the visible nodes other than this one: none.
Term bif_erlang_nodes_0(Process&, const Term*) { return Term::nil(); }

// erlang:nodes/1
Term bif_erlang_nodes_1(Process& p, const Term* args) {
    std::optional<bool> self = lists_this_node(args[0]);
    if (!self) return p.badarg();
    return *self ? gc::make_cons(p.heap, am::nonode_nohost, Term::nil()) : Term::nil();
}

// net_kernel:dflag_unicode_io/1 — whether the node of a pid takes unicode I/O requests:
// always, for local pids (the only kind joist has yet).
Term bif_net_kernel_dflag_unicode_io_1(Process& p, const Term* args) {
    if (!args[0].is_pid()) return p.badarg();
    return am::true_;
}

} // namespace joist
