-module(guard_type_tests).
-export([main/0, id/1]).

%% Type-test BIFs in guards and as ordinary functions, on every type.
id(X) -> X.

type_of(X) when is_integer(X) -> integer;
type_of(X) when is_float(X) -> float;
type_of(X) when is_atom(X) -> atom;
type_of(X) when is_function(X) -> function;
type_of(X) when is_tuple(X) -> tuple;
type_of(X) when is_list(X) -> list;
type_of(X) when is_reference(X) -> reference;
type_of(X) when is_pid(X) -> pid;
type_of(_) -> other.

main() ->
    Vals = [?MODULE:id(V) || V <- [1, 1 bsl 80, 1.5, ok, true, fun() -> x end, fun lists:seq/2, {}, {a}, [], [a], "s", make_ref(), self()]],
    erlang:display([type_of(V) || V <- Vals]),
    Tests = [fun is_integer/1, fun is_float/1, fun is_number/1, fun is_atom/1, fun is_boolean/1,
             fun is_list/1, fun is_tuple/1, fun is_function/1, fun is_reference/1, fun is_pid/1,
             fun is_port/1, fun is_binary/1, fun is_bitstring/1, fun is_map/1],
    [erlang:display([T(V) || T <- Tests]) || V <- Vals],
    ok.
