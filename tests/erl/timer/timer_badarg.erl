-module(timer_badarg).
-export([main/0, id/1]).

id(X) -> X.

t(F) ->
    try F() of
        R when is_reference(R) ->
            erlang:cancel_timer(R),
            ref;
        R -> R
    catch C:E -> {C, E}
    end.

%% erl's badarg cases of the timer BIFs.
main() ->
    Self = self(),
    receive after 40 -> ok end,  % an absolute time before the VM started is badarg
    Now = erlang:monotonic_time(millisecond),
    Times = [-1, 1.0, 1 bsl 32, 1 bsl 40, 1 bsl 50, 1 bsl 70, -(1 bsl 70), foo, "10"],
    erlang:display([{T, t(fun() -> erlang:send_after(?MODULE:id(T), Self, x) end)} || T <- Times]),
    erlang:display([{T, t(fun() -> erlang:start_timer(?MODULE:id(T), Self, x) end)} || T <- Times]),
    Dests = [1, {a, b}, "name", 1.5, [], nonexistent_name, {some_name, node()}, Self],
    erlang:display([t(fun() -> erlang:send_after(100, ?MODULE:id(D), x) end) || D <- Dests]),
    erlang:display([t(fun() -> erlang:start_timer(100, ?MODULE:id(D), x) end) || D <- Dests]),
    Opts = [[], [{abs, false}], [{abs, true}], [{abs, foo}], [foo], foo, [{abs, true} | foo],
            [{abs, false}, {abs, true}], [{abs, true, x}], [{async, true}]],
    erlang:display([t(fun() -> erlang:send_after(Now + 100, Self, x, ?MODULE:id(O)) end)
                    || O <- Opts]),
    erlang:display([t(fun() -> erlang:start_timer(Now + 100, Self, x, ?MODULE:id(O)) end)
                    || O <- Opts]),
    %% absolute times: before the VM's monotonic start, in the past, far away
    Abs = [Now - 30, Now + (1 bsl 40), Now + (1 bsl 50), -(1 bsl 40), -(1 bsl 32), 1.0],
    erlang:display([t(fun() -> erlang:send_after(?MODULE:id(A), Self, x, [{abs, true}]) end)
                    || A <- Abs]),
    %% cancel_timer/read_timer
    Refs = [foo, 1, Self, "ref", {ref}],
    erlang:display([t(fun() -> erlang:cancel_timer(?MODULE:id(R)) end) || R <- Refs]),
    erlang:display([t(fun() -> erlang:read_timer(?MODULE:id(R)) end) || R <- Refs]),
    Ref = make_ref(),
    COpts = [[], [{async, true}], [{info, false}], [{async, true}, {info, false}], [bad],
             bad, [{async, maybe}], [{async, true} | x], [{info, true}, {async, false}]],
    erlang:display([t(fun() -> erlang:cancel_timer(Ref, ?MODULE:id(O)) end) || O <- COpts]),
    ROpts = [[], [{async, false}], [{async, true}], [{info, true}], [bad], bad, [{async, 1}]],
    erlang:display([t(fun() -> erlang:read_timer(Ref, ?MODULE:id(O)) end) || O <- ROpts]),
    %% the async replies sent above
    erlang:display(lists:sort([receive {Tag, Ref, Res} -> {Tag, Res} end || _ <- [1, 2]])),
    erlang:display(receive Other -> {unexpected, Other} after 0 -> none end),
    ok.
