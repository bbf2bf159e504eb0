-module(atom_booleans).
-export([main/0, id/1]).

%% Boolean operators on atoms true/false (strict and short-circuit),
%% and badarg for non-booleans.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Bs = [?MODULE:id(true), ?MODULE:id(false)],
    [erlang:display({A, B, A and B, A or B, A xor B, not A, A andalso B, A orelse B}) || A <- Bs, B <- Bs],
    X = ?MODULE:id(foo), T = ?MODULE:id(true), F = ?MODULE:id(false),
    erlang:display([t(fun() -> X and T end), t(fun() -> T or X end), t(fun() -> not X end),
                    t(fun() -> X xor F end), t(fun() -> F andalso X end), t(fun() -> T orelse X end),
                    t(fun() -> T andalso X end), t(fun() -> F orelse X end), t(fun() -> X andalso T end)]),
    ok.
