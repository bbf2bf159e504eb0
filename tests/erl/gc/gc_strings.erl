-module(gc_strings).
-export([main/0, id/1]).

%% String building (++, integer_to_list, lists:flatten) in loops.
id(X) -> X.

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [integer_to_list(N), $, | Acc]).

main() ->
    R = [begin S = lists:flatten(build(?MODULE:id(10000), [])), length(S) end || _ <- lists:seq(1, 30)],
    erlang:display({hd(R), lists:usort(R)}),
    S2 = lists:foldl(fun(I, Acc) -> integer_to_list(I) ++ Acc end, "", lists:seq(1, 3000)),
    erlang:display({length(S2), lists:sublist(S2, 20)}),
    ok.
