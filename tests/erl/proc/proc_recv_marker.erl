%% Receive markers (OTP's recv_marker_* instructions): a receive on a reference made just
%% before skips the messages that were queued earlier. These check that the skipping never
%% changes which message a receive takes: older messages stay queued and in order, markers
%% survive the removal of the message they follow, nested and abandoned markers, timeouts.
-module(proc_recv_marker).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    old_messages_stay(),
    reply_after_removal(),
    nested_refs(),
    many_outstanding(),
    timeout_then_reply(),
    abandoned_marker(),
    call_pattern(),
    flush_all().

%% Messages queued before the reference are left, in order, for a plain receive.
old_messages_stay() ->
    [self() ! {old, I} || I <- lists:seq(1, 5)],
    Ref = make_ref(),
    self() ! {Ref, answer},
    R = receive {Ref, A} -> A end,
    erlang:display({old_messages_stay, R, drain()}).

%% The message just before the marker is removed by another receive first; the marker
%% moves back and the reply is still found.
reply_after_removal() ->
    self() ! first,
    self() ! second,
    Ref = make_ref(),
    Self = self(),
    spawn(fun() -> Self ! {Ref, late} end),
    receive second -> ok end,
    R = receive {Ref, X} -> X end,
    erlang:display({reply_after_removal, R, drain()}).

%% A receive on an inner reference inside the wait for an outer one.
nested_refs() ->
    Outer = make_ref(),
    self() ! noise1,
    Inner = make_ref(),
    self() ! {Outer, outer},
    self() ! {Inner, inner},
    I = receive {Inner, V1} -> V1 end,
    O = receive {Outer, V2} -> V2 end,
    erlang:display({nested_refs, I, O, drain()}).

%% More references waited for at once than joist keeps markers: still correct.
many_outstanding() ->
    Self = self(),
    Refs = [make_ref() || _ <- lists:seq(1, 10)],
    lists:foreach(fun({N, R}) -> spawn(fun() -> Self ! {R, N} end) end,
                  lists:zip(lists:seq(1, 10), Refs)),
    Got = [receive {R, N} -> N end || R <- lists:reverse(Refs)],
    erlang:display({many_outstanding, Got}).

%% A timed-out ref receive, then the late reply is still in the queue.
timeout_then_reply() ->
    Ref = make_ref(),
    R1 = receive {Ref, _} -> got after 10 -> timeout end,
    self() ! {Ref, late},
    R2 = receive {Ref, V} -> V after 0 -> none end,
    erlang:display({timeout_then_reply, R1, R2}).

%% A marker reserved and never used (an exception between make_ref and receive).
abandoned_marker() ->
    Results = [catch abandon(I) || I <- lists:seq(1, 6)],
    self() ! {plain, 1},
    R = receive {plain, X} -> X end,
    Left = [I || {Ref, I} <- drain(), is_reference(Ref)],
    erlang:display({abandoned_marker, Results, R, Left}).

abandon(I) ->
    Ref = make_ref(),
    self() ! {Ref, I},
    case id(I) rem 2 of
        0 -> throw({thrown, I});
        1 -> receive {Ref, V} -> V end
    end.

%% gen_server:call's shape: a monitor reference as the tag, a 'DOWN' for a dead server.
call_pattern() ->
    Server = spawn(fun() -> receive {call, From, Tag, Req} -> From ! {Tag, {reply, Req}} end end),
    Tag = erlang:monitor(process, Server),
    self() ! unrelated,
    Server ! {call, self(), Tag, hello},
    R1 = receive {Tag, Reply} -> erlang:demonitor(Tag, [flush]), Reply;
                 {'DOWN', Tag, _, _, Why} -> {down, Why}
         end,
    Dead = spawn(fun() -> ok end),
    Tag2 = erlang:monitor(process, Dead),
    R2 = receive {Tag2, Reply2} -> Reply2;
                 {'DOWN', Tag2, _, _, Why2} -> {down, Why2}
         end,
    erlang:display({call_pattern, R1, R2, drain()}).

flush_all() ->
    erlang:display({flush_all, drain()}).

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
