%% A fun called in tail position (call_fun; deallocate; return) replaces its caller's frame,
%% as erl's loader makes it: a loop through a fun runs in constant stack. Errors raised by
%% such a call (badfun, badarity, undef) show erl's stack trace.
-module(fun_tail_call).
-export([main/0, step/3, tail_call/2, id/1]).

main() ->
    F = fun Loop(0, Acc) -> {Acc, element(2, process_info(self(), stack_size))};
            Loop(N, Acc) -> ?MODULE:step(Loop, N, Acc)
        end,
    {Sum, Stack} = F(1000000, 0),
    io:format("~p ~p~n", [Sum, Stack < 50]),
    %% The same with the fun's result returned through a case (not a tail call).
    io:format("~p~n", [?MODULE:tail_call(fun(X) -> X * 3 end, 14)]),
    [io:format("~p~n", [catch_trace(fun() -> ?MODULE:tail_call(G, 1) end)])
     || G <- [not_a_fun, fun() -> ok end, fun(_, _) -> ok end,
              fun no_such_module:f/1, fun ?MODULE:nope/1, fun ?MODULE:id/1]],
    ok.

step(Loop, N, Acc) ->
    X = id(N) * 2,
    Loop(N - 1, Acc + X).

tail_call(G, A) ->
    B = id(A) + 1,
    G(B).

id(X) -> X.

catch_trace(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:S -> {C, R, lists:sublist(S, 2)}
    end.
