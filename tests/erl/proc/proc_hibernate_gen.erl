%% A gen_server that hibernates between calls (proc_lib:hibernate -> erlang:hibernate/3),
%% and yield/hibernate reached through apply and funs.
-module(proc_hibernate_gen).
-behaviour(gen_server).
-export([main/0, wake/1, init/1, handle_call/3, handle_cast/2]).

main() ->
    erlang:display(apply(erlang, yield, [])),
    Y = fun erlang:yield/0,
    erlang:display(Y()),
    S = self(),
    P = spawn(fun() -> apply(erlang, hibernate, [?MODULE, wake, [S]]) end),
    P ! hi,
    receive {got, M} -> erlang:display({got, M}) end,
    Q = spawn(fun() -> catch erlang:hibernate(?MODULE, wake, [S]) end),
    Q ! hi2,
    receive {got, M2} -> erlang:display({got, M2}) end,
    {ok, G} = gen_server:start(?MODULE, [], []),
    erlang:display([gen_server:call(G, hibernate) || _ <- lists:seq(1, 5)]),
    erlang:display(process_info(G, status)),
    erlang:display(gen_server:call(G, count)),
    erlang:display(gen_server:stop(G)),
    ok.

wake(Parent) -> receive X -> Parent ! {got, X} end.

init([]) -> {ok, 0}.
handle_call(hibernate, _From, N) -> {reply, {ok, N}, N + 1, hibernate};
handle_call(count, _From, N) -> {reply, N, N}.
handle_cast(_, N) -> {noreply, N}.
