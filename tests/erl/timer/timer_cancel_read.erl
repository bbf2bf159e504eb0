-module(timer_cancel_read).
-export([main/0]).

%% cancel_timer/read_timer results: remaining time (checked as a range), false for unknown,
%% cancelled or expired timers, and the async and info options.
main() ->
    Self = self(),
    R = erlang:send_after(1000, Self, never),
    Left = erlang:read_timer(R),
    erlang:display({read, is_integer(Left) andalso Left =< 1000 andalso Left > 500}),
    Left2 = erlang:read_timer(R, []),
    erlang:display({read_again, Left2 =< Left}),
    C = erlang:cancel_timer(R),
    erlang:display({cancel, is_integer(C) andalso C =< Left2 andalso C > 500}),
    erlang:display({cancel_again, erlang:cancel_timer(R), erlang:read_timer(R)}),
    %% a cancelled timer never delivers
    erlang:display(receive never -> delivered after 50 -> not_delivered end),
    %% an expired timer cannot be cancelled or read
    R2 = erlang:send_after(5, Self, quick),
    receive quick -> ok end,
    erlang:display({expired, erlang:cancel_timer(R2), erlang:read_timer(R2)}),
    %% a reference that is not a timer
    erlang:display({not_a_timer, erlang:cancel_timer(make_ref()), erlang:read_timer(make_ref())}),
    %% options of cancel_timer/2
    R3 = erlang:send_after(1000, Self, never),
    erlang:display({info_false, erlang:cancel_timer(R3, [{info, false}])}),
    erlang:display({gone, erlang:read_timer(R3)}),
    R4 = erlang:start_timer(1000, Self, never),
    erlang:display({async, erlang:cancel_timer(R4, [{async, true}])}),
    receive {cancel_timer, R4x, Res4} ->
        erlang:display({async_reply, R4x =:= R4, is_integer(Res4) andalso Res4 =< 1000})
    end,
    erlang:display({async_unknown, erlang:cancel_timer(R4, [{async, true}, {info, true}])}),
    receive {cancel_timer, R4, Res4b} -> erlang:display({async_unknown_reply, Res4b}) end,
    R5 = erlang:send_after(1000, Self, never),
    erlang:display({async_noinfo, erlang:cancel_timer(R5, [{async, true}, {info, false}])}),
    erlang:display(receive {cancel_timer, _, _} = M -> M after 30 -> no_reply end),
    erlang:display({sync_info, erlang:cancel_timer(R5, [{async, false}, {info, true}])}),
    %% read_timer/2 async
    R6 = erlang:send_after(1000, Self, never),
    erlang:display({read_async, erlang:read_timer(R6, [{async, true}])}),
    receive {read_timer, R6, Res6} -> erlang:display({read_reply, Res6 > 500}) end,
    erlang:display({read_async_false, erlang:read_timer(R6, [{async, false}]) > 500}),
    erlang:cancel_timer(R6),
    %% an absolute deadline in the past: pending with 0 left until it fires
    %% (the VM started more than 30 ms ago: an earlier time would be badarg)
    receive after 40 -> ok end,
    R7 = erlang:send_after(erlang:monotonic_time(millisecond) - 30, Self, past, [{abs, true}]),
    erlang:display({past_deadline, erlang:cancel_timer(R7)}),
    %% a far absolute deadline
    Far = erlang:monotonic_time(millisecond) + (1 bsl 36),
    R8 = erlang:send_after(Far, Self, never, [{abs, true}]),
    Left8 = erlang:read_timer(R8),
    erlang:display({far, Left8 =< 1 bsl 36 andalso Left8 > (1 bsl 36) - 1000}),
    erlang:cancel_timer(R8),
    %% send_after 0: fires at once, still a timer until then
    R9 = erlang:send_after(0, Self, zero),
    receive zero -> ok end,
    erlang:display({zero_fired, erlang:read_timer(R9)}),
    %% timers in many processes, cancelled by their owners
    Parent = self(),
    [spawn(fun() ->
               T = erlang:send_after(200 + N, self(), never),
               Parent ! {N, is_integer(erlang:cancel_timer(T))}
           end) || N <- lists:seq(1, 30)],
    erlang:display(lists:usort([receive {N, B} -> B end || N <- lists:seq(1, 30)])),
    ok.
