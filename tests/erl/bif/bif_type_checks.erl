-module(bif_type_checks).
-export([main/0, id/1]).

%% Type predicates used as expressions (not guards), combined with
%% boolean operators.
id(X) -> X.

main() ->
    Vals = [?MODULE:id(V) || V <- [0, -0.0, 1 bsl 64, a, true, [], "x", {}, fun() -> y end]],
    [erlang:display({is_number(V) and not is_float(V), is_atom(V) orelse is_list(V), is_boolean(V), is_tuple(V) xor is_list(V)}) || V <- Vals],
    ok.
