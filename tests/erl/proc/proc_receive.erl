-module(proc_receive).
-export([main/0]).

%% Selective receive keeps the other messages in order; after clauses; order per sender.
main() ->
    Self = self(),
    [Self ! {msg, I} || I <- lists:seq(1, 10)],
    Self ! special,
    receive special -> erlang:display(special_first) end,
    erlang:display([receive {msg, I} -> I end || _ <- lists:seq(1, 10)]),
    %% pick the even ones first, then the odd ones
    [Self ! N || N <- lists:seq(1, 8)],
    Evens = [receive N when N rem 2 =:= 0 -> N end || _ <- lists:seq(1, 4)],
    Odds = [receive N -> N end || _ <- lists:seq(1, 4)],
    erlang:display({Evens, Odds}),
    %% a sender's messages arrive in the order sent, while others interleave
    Senders = [spawn(fun() -> [Self ! {s, K, J} || J <- lists:seq(1, 50)] end) || K <- [1, 2, 3]],
    Got = [[receive {s, K, J} -> J end || J <- lists:seq(1, 50)] || K <- [1, 2, 3]],
    erlang:display({length(Senders), [lists:sum(G) || G <- Got]}),
    %% timers: shorter first
    spawn(fun() -> receive after 30 -> Self ! late end end),
    spawn(fun() -> receive after 5 -> Self ! early end end),
    erlang:display([receive X -> X end, receive Y -> Y end]),
    erlang:display(receive nothing -> yes after 1 -> timed_out end),
    erlang:display(catch receive nothing -> yes after foo -> no end),
    ok.
