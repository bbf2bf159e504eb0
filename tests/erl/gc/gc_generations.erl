-module(gc_generations).
-export([main/0, id/1, worker/2]).

%% Generational collection: live data that grows while garbage is made, in processes with
%% different fullsweep_after and min_heap_size settings; data built before and after many
%% minor collections (so partly promoted, partly young) must stay intact, and major
%% collections (garbage_collect/0, fullsweep_after) must not disturb it either.
id(X) -> X.

%% A live set that grows by one element per round, each element mixing lists, tuples,
%% floats, bignums, binaries and a closure.
element(I) ->
    F = fun(X) -> X + I end,
    {I, integer_to_list(I), I * 0.5, (1 bsl 80) + I, <<I:32, "abc">>, F, #{I => [I]}}.

ok_element({I, S, Fl, B, Bin, F, M}) ->
    S =:= integer_to_list(I) andalso Fl == I * 0.5 andalso B =:= (1 bsl 80) + I
        andalso Bin =:= <<I:32, "abc">> andalso F(1) =:= I + 1 andalso M =:= #{I => [I]}.

garbage(0) -> ok;
garbage(N) -> _ = lists:reverse(lists:seq(1, 300)), _ = {N, [N, N]}, garbage(N - 1).

%% Round R: add an element, make garbage, sometimes collect fully, check everything.
loop(R, Max, Live) when R > Max -> Live;
loop(R, Max, Live) ->
    Live2 = [element(R) | Live],
    garbage(?MODULE:id(20)),
    case R rem 97 of
        0 -> true = erlang:garbage_collect();
        _ -> ok
    end,
    case R rem 50 of
        0 -> true = lists:all(fun ok_element/1, Live2);
        _ -> ok
    end,
    loop(R + 1, Max, Live2).

worker(Parent, Rounds) ->
    Live = loop(1, Rounds, []),
    Parent ! {self(), done, length(Live), lists:all(fun ok_element/1, Live),
              lists:sum([I || {I, _, _, _, _, _, _} <- Live])}.

run(Opts) ->
    Pid = spawn_opt(?MODULE, worker, [self(), 2000], Opts),
    receive {Pid, done, N, Ok, Sum} -> {Opts, N, Ok, Sum} end.

main() ->
    erlang:display(run([])),
    erlang:display(run([{fullsweep_after, 0}])),
    erlang:display(run([{fullsweep_after, 3}])),
    erlang:display(run([{min_heap_size, 5000}])),
    erlang:display(run([{fullsweep_after, 10}, {min_heap_size, 100}])),
    %% The same in this process, with minor collections asked for too.
    L = loop(1, 500, []),
    true = erlang:garbage_collect(self(), [{type, minor}]),
    erlang:display({length(L), lists:all(fun ok_element/1, L)}),
    ok.
