-module(bif_node_self).
-export([main/0, id/1]).

%% node/0, node/1, self/0 (pids are never printed), is_alive/0.
id(X) -> X.

main() ->
    erlang:display(node()),
    erlang:display({node(self()), is_alive(), node() =:= 'nonode@nohost'}),
    S = self(),
    erlang:display({is_pid(S), S =:= self(), is_pid(?MODULE:id(S)), is_atom(node())}),
    erlang:display({node_of_ref, node(make_ref())}),
    ok.
