-module(float_errors).
-export([main/0, id/1]).

%% Float error cases: overflow to inf is badarith, division by 0.0,
%% integer-only operators on floats.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Big = ?MODULE:id(1.0e308), Z = ?MODULE:id(0.0), NZ = ?MODULE:id(-0.0), F = ?MODULE:id(2.5),
    erlang:display([t(fun() -> Big * 10 end), t(fun() -> Big + Big end), t(fun() -> -Big - Big end),
                    t(fun() -> 1.0 / Z end), t(fun() -> 1 / NZ end), t(fun() -> Z / Z end),
                    t(fun() -> F div 2 end), t(fun() -> F rem 2 end), t(fun() -> F band 1 end),
                    t(fun() -> F bsl 1 end), t(fun() -> float(1 bsl 1024) end), t(fun() -> (1 bsl 1024) * 1.0 end),
                    t(fun() -> (1 bsl 1023) * 1.0 end), t(fun() -> Big * 1.5 end), t(fun() -> 1.0e-300 * 1.0e-300 end)]),
    ok.
