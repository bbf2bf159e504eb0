-module(timer_receive).
-export([main/0]).

%% Receive timeouts through the timer service: many processes with different timeouts wake in
%% order, a message that ends a receive leaves a stale timer that must not time out a later
%% receive, and non-matching messages do not restart the timeout.
main() ->
    Self = self(),
    %% 12 processes, timeouts in 40 ms steps started in reverse: they report in order (steps
    %% wide enough that a loaded machine, with several scheduler threads, keeps the order)
    [spawn(fun() -> receive after T -> Self ! {woke, T} end end)
     || T <- lists:reverse(lists:seq(40, 480, 40))],
    Order = [receive {woke, T} -> T end || _ <- lists:seq(1, 12)],
    erlang:display(Order =:= lists:seq(40, 480, 40)),
    %% a message ends the first receive early; the second receive's shorter timeout is its own
    P = spawn(fun() ->
                  A = receive go -> got_go after 100 -> timeout1 end,
                  B = receive never -> never after 150 -> timeout2 end,
                  Self ! {ab, A, B}
              end),
    T0 = erlang:monotonic_time(millisecond),
    P ! go,
    receive {ab, A, B} ->
        Took = erlang:monotonic_time(millisecond) - T0,
        erlang:display({A, B, Took >= 150})
    end,
    %% non-matching messages while waiting: the timeout still fires at its first deadline
    Q = spawn(fun() ->
                  Start = erlang:monotonic_time(millisecond),
                  R = receive wanted -> wanted after 80 -> timed_out end,
                  Self ! {q, R, erlang:monotonic_time(millisecond) - Start}
              end),
    [begin Q ! {noise, N}, receive after 5 -> ok end end || N <- lists:seq(1, 10)],
    receive {q, R, Took2} -> erlang:display({R, Took2 >= 80, Took2 < 1000}) end,
    %% after 0 and infinity
    erlang:display(receive x -> x after 0 -> zero end),
    Self ! y,
    erlang:display(receive y -> y after infinity -> never end),
    %% a timer message racing a receive timeout: whichever is earlier wins
    erlang:send_after(20, Self, early_msg),
    erlang:display(receive early_msg -> msg_first after 200 -> timeout_first end),
    erlang:send_after(200, Self, late_msg),
    erlang:display(receive late_msg -> msg_first after 20 -> timeout_first end),
    receive late_msg -> ok end,
    ok.
