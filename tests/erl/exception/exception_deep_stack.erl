-module(exception_deep_stack).
-export([main/0, id/1]).

%% Stacktraces are truncated (backtrace_depth, default 8 frames).
id(X) -> X.

%% The bottom case may return (decided at runtime), so the compiler cannot
%% prove down/1 never returns and must keep real (non-tail) frames.
down(0) -> case ?MODULE:id(fail) of fail -> error(bottom); _ -> [] end;
down(N) -> [N | down(N - 1)].

%% never_returns/1 always raises: the compiler knows this and turns the
%% calls into tail calls, so intermediate frames vanish from the trace.
never_returns(0) -> error(never);
never_returns(N) -> [N | never_returns(N - 1)].

%% Mutual recursion: return addresses alternate, so they are not
%% collapsed and the trace is cut at the backtrace depth (8).
ping(0) -> case ?MODULE:id(fail) of fail -> error(pingpong); _ -> [] end;
ping(N) -> [ping | pong(N - 1)].
pong(0) -> case ?MODULE:id(fail) of fail -> error(pingpong); _ -> [] end;
pong(N) -> [pong | ping(N - 1)].

main() ->
    try down(?MODULE:id(20)) catch error:R:St ->
        erlang:display({R, length(St)}),
        erlang:display(St)
    end,
    try down(?MODULE:id(3)) catch error:R2:St2 ->
        erlang:display({R2, length(St2)}),
        erlang:display(St2)
    end,
    erlang:display(catch down(?MODULE:id(10))),
    erlang:display(catch never_returns(?MODULE:id(10))),
    try ping(?MODULE:id(20)) catch error:R3:St3 ->
        erlang:display({R3, length(St3)}),
        erlang:display(St3)
    end,
    try ping(?MODULE:id(3)) catch error:R4:St4 ->
        erlang:display({R4, length(St4)}),
        erlang:display(St4)
    end,
    ok.
