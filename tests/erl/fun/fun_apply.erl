-module(fun_apply).
-export([main/0, id/1, add/2, zero/0]).

%% apply/2, apply/3, dynamic M:F(Args) calls and their error cases.
id(X) -> X.
add(A, B) -> A + B.
zero() -> 0.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    M = ?MODULE:id(?MODULE), F = ?MODULE:id(add),
    erlang:display({apply(M, F, [1, 2]), apply(fun(X) -> X * 2 end, [21]), apply(M, zero, []), apply(fun ?MODULE:add/2, [3, 4])}),
    erlang:display({dyn, M:F(10, 20), M:zero(), ?MODULE:F(1, 1), lists:(?MODULE:id(append))(?MODULE:id([1]), [2])}),
    erlang:display({bif, apply(erlang, '+', [1, 2]), apply(erlang, element, [2, {a, b}]), apply(lists, reverse, [[1, 2]])}),
    Ops = [{erlang, '-', [10, 3]}, {erlang, tuple_size, [{1, 2}]}, {lists, seq, [1, 3]}, {string, copies, ["ab", 2]}],
    erlang:display([apply(Mo, Fu, Ar) || {Mo, Fu, Ar} <- Ops]),
    erlang:display([t(fun() -> apply(M, nope, []) end),
                    t(fun() -> apply(?MODULE:id(no_such_module_x), f, [1]) end),
                    t(fun() -> apply(M, add, [1]) end),
                    t(fun() -> apply(fun(X) -> X end, []) end),
                    t(fun() -> apply(?MODULE:id(1), [1]) end),
                    t(fun() -> apply(M, F, ?MODULE:id(notalist)) end),
                    t(fun() -> (?MODULE:id(42)):foo() end),
                    t(fun() -> M:(?MODULE:id("str"))() end)]),
    ok.
