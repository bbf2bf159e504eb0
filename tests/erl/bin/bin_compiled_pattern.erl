-module(bin_compiled_pattern).
-export([main/0, id/1]).

%% binary:compile_pattern/1 results work with match/matches/split/replace; a compiled pattern
%% of one kind (one pattern, or several) given with the other kind's tag is badarg.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    {bm, BM} = One = binary:compile_pattern(?MODULE:id(<<1,2,3>>)),
    {ac, AC} = Many = binary:compile_pattern(?MODULE:id([<<1,2,3>>, <<4,5>>])),
    Subject = <<0,1,2,3,4,5,1,2,3>>,
    erlang:display({binary:match(Subject, One), binary:matches(Subject, Many),
                    binary:split(Subject, Many, [global]), binary:replace(Subject, One, <<9>>, [global])}),
    erlang:display({element(1, binary:compile_pattern([<<7>>])), binary:match(<<1,2,3>>, <<1>>, [{scope, {0, 0}}])}),
    erlang:display([t(fun() -> binary:match(<<1,2,3>>, P, [{scope, {0, 1}}]) end)
                    || P <- [{bm, AC}, {ac, BM}]]),
    erlang:display([t(fun() -> binary:matches(<<1,2,3>>, P) end) || P <- [{bm, AC}, {ac, BM}]]),
    ok.
