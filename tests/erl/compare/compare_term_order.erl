-module(compare_term_order).
-export([main/0, id/1]).

%% The global term order:
%% number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
%% (refs/pids/funs are only compared, never printed, except via tags.)
id(X) -> X.

tag(X) when is_number(X) -> number;
tag(X) when is_atom(X) -> atom;
tag(X) when is_reference(X) -> reference;
tag(X) when is_function(X) -> 'fun';
tag(X) when is_pid(X) -> pid;
tag(X) when is_tuple(X) -> tuple;
tag([]) -> nil;
tag(X) when is_list(X) -> list;
tag(_) -> other.

main() ->
    Terms = [?MODULE:id(T) || T <- [[a], {}, self(), fun() -> x end, make_ref(), zzz, 99999999999999999999999, -1.5, [], {a, b}, aaa, 0]],
    Sorted = lists:sort(Terms),
    erlang:display([tag(T) || T <- Sorted]),
    erlang:display([tag(T) || T <- lists:reverse(lists:sort(fun(A, B) -> A >= B end, Terms))]),
    Pairs = [{1, a}, {a, make_ref()}, {make_ref(), fun() -> y end}, {fun() -> y end, self()}, {self(), {}},
             {{}, []}, {[], [a]}, {{z, z, z}, []}, {zzzz, {}}, {1.0e300, a}, {1 bsl 100, a}],
    erlang:display([{tag(A), tag(B), A < B, B > A, A == B} || {A0, B0} <- Pairs, A <- [?MODULE:id(A0)], B <- [?MODULE:id(B0)]]),
    ok.
