%% Calling a fun held in a register past the call's arguments (OTP 25's call_fun2), in
%% processes that are preempted while they do it: the fun must survive the switch to
%% another process that reuses the registers (it once came back as another process's data:
%% badfun). Three processes fold with closures long enough to be preempted many times.
-module(fun_call_fun_preempted).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Self = self(),
    Tags = [gb, dict, orddict],
    [spawn(fun() -> Self ! {Tag, [run(Tag) || _ <- lists:seq(1, 3)]} end) || Tag <- Tags],
    [erlang:display(receive {Tag, R} -> {Tag, R} end) || Tag <- Tags],
    ok.

run(Tag) ->
    M = ?MODULE:id(fun(enter, {K, V, D}) when Tag =:= gb -> gb_trees:enter(K, V, D);
                      (enter, {K, V, D}) when Tag =:= dict -> dict:store(K, V, D);
                      (enter, {K, V, D}) -> orddict:store(K, V, D);
                      (empty, []) when Tag =:= gb -> gb_trees:empty();
                      (empty, []) when Tag =:= dict -> dict:new();
                      (empty, []) -> orddict:new()
                   end),
    L = [{(I * 7919) rem 1000, I} || I <- lists:seq(1, 3000)],
    D = lists:foldl(fun({K, V}, Acc) -> M(enter, {K, V, Acc}) end, M(empty, []), L),
    Sum = lists:foldl(fun({K, V}, S) -> S + K * V end, 0, L),
    {size(Tag, D), Sum}.

size(gb, D) -> gb_trees:size(D);
size(dict, D) -> dict:size(D);
size(orddict, D) -> orddict:size(D).
