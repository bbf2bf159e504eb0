%% Term order, map keys and hashing of other nodes' pids, ports and references mixed with
%% local ones. Node numbers in printed text are stripped (they are erl's node table indices).
-module(etf_ext_order).
-export([main/0]).

node_bin(Name) -> <<100, (byte_size(Name)):16, Name/binary>>.
pid(Node, N, S, C) -> binary_to_term(<<131, 88, (node_bin(Node))/binary, N:32, S:32, C:32>>).
port(Node, N, C) -> binary_to_term(<<131, 120, (node_bin(Node))/binary, N:64, C:32>>).
ref(Node, C, Ws) ->
    binary_to_term(<<131, 90, (length(Ws)):16, (node_bin(Node))/binary, C:32,
                     (<< <<W:32>> || W <- Ws >>)/binary>>).

%% A term's identity without node numbers: node, creation and numbers from its encoding.
id(T) when is_pid(T); is_port(T); is_reference(T) -> {node(T), term_to_binary(T)};
id(T) when is_tuple(T) -> list_to_tuple([id(E) || E <- tuple_to_list(T)]);
id(T) when is_list(T) -> [id(E) || E <- T];
id(T) -> T.

strip(T) -> strip_text(lists:flatten(io_lib:format("~w", [T]))).

%% Replaces the number right after each "<" (pid, #Ref<, #Port<) by N.
strip_text([$< | Rest]) ->
    case lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, Rest) of
        {[_ | _], [$. | After]} -> "<N." ++ strip_text(After);
        _ -> [$< | strip_text(Rest)]
    end;
strip_text([C | Rest]) -> [C | strip_text(Rest)];
strip_text([]) -> [].

main() ->
    Self = self(),
    Local = list_to_pid("<0.5.0>"),
    Pids = [pid(<<"a@a">>, 1, 1, 1), pid(<<"a@a">>, 1, 1, 2), pid(<<"a@a">>, 2, 0, 1),
            pid(<<"b@b">>, 1, 0, 1), pid(<<"b@b">>, 1, 1, 0), pid(<<"a@b">>, 9, 0, 0),
            pid(<<"nonode@nohost">>, 5, 0, 3), pid(<<"zz@zz">>, 0, 0, 0),
            pid(<<"aa">>, 5, 0, 1), pid(<<"nonode@nohost">>, 4, 0, 1), Local, Self],
    Ports = [port(<<"a@a">>, 1, 1), port(<<"a@a">>, 1 bsl 33, 1), port(<<"a@a">>, 2, 0),
             port(<<"b@b">>, 0, 0), port(<<"mmm">>, 3, 3), port(<<"nonode@nohost">>, 1, 1)],
    Refs = [ref(<<"a@a">>, 1, [1, 2, 3]), ref(<<"a@a">>, 1, [3, 2, 1]), ref(<<"a@a">>, 2, [1]),
            ref(<<"a@a">>, 1, [1, 2, 3, 4, 5]), ref(<<"a@a">>, 1, [9]),
            ref(<<"b@b">>, 0, [0, 0, 0]), ref(<<"nonode@nohost">>, 1, [1, 1, 1]),
            ref(<<"a@a">>, 1, [0, 0, 0, 0, 1]), make_ref()],
    All = Pids ++ Ports ++ Refs,
    Sorted = lists:sort(lists:reverse(All)),
    io:format("~p~n", [id(Sorted) =:= id(lists:sort(All))]),
    lists:foreach(fun(T) -> io:format("~s~n", [strip(id(T))]) end,
                  [T || T <- Sorted, node(T) =/= node() orelse T =:= Local]),
    io:format("<0.5.0> after ~w~n", [length([T || T <- Sorted, T < Local, T =/= Self])]),
    %% pairwise comparisons agree with the sort
    Pairs = [{X, Y} || X <- All, Y <- All],
    io:format("~w~n", [lists:all(fun({X, Y}) -> (X < Y) =:= not (Y =< X) andalso
                                                (X == Y) =:= (X =:= Y) end, Pairs)]),
    %% mixed with other types: refs < ports < pids < tuples
    io:format("~w~n", [id(lists:sort([{}, hd(Ports), hd(Pids), hd(Refs), 1, a, [], <<>>]))]),
    %% phash/phash2 of other nodes' terms (no node numbers in them)
    Ext = [T || T <- All, node(T) =/= node()],
    io:format("~w~n", [[erlang:phash2(T) || T <- Ext]]),
    io:format("~w~n", [[erlang:phash(T, 65536) || T <- Ext]]),
    io:format("~w~n", [erlang:phash2(Ext)]),
    %% small maps keyed by them print in key order
    M = maps:from_list([{T, I} || {I, T} <- lists:zip(lists:seq(1, length(Ext)), Ext)]),
    io:format("~w~n", [id(maps:to_list(maps:from_list(lists:sublist(maps:to_list(M), 20))))]),
    M20 = maps:from_list(lists:sublist(maps:to_list(M), 20)),
    io:format("~s~n", [strip(M20)]),
    io:format("~w~n", [[maps:get(K, M) || K <- Ext] =:= lists:seq(1, length(Ext))]),
    Big = maps:from_list([{pid(<<"a@a">>, I, 0, 1), I} || I <- lists:seq(1, 100)]),
    io:format("~w ~w~n", [map_size(Big), lists:sum([maps:get(pid(<<"a@a">>, I, 0, 1), Big)
                                                   || I <- lists:seq(1, 100)])]),
    io:format("~w~n", [binary_to_term(term_to_binary(Big)) =:= Big]),
    %% references equal but for zero high words are the same key of a small map (erl's
    %% hash maps hash them apart: not tested)
    Small = #{ref(<<"a@a">>, 1, [7]) => seven, ref(<<"a@a">>, 1, [8, 0, 1]) => eight},
    io:format("~w ~w ~w~n", [maps:get(ref(<<"a@a">>, 1, [7, 0, 0]), Small),
                             maps:get(ref(<<"a@a">>, 1, [7, 0, 0, 0, 0]), Small),
                             maps:find(ref(<<"a@a">>, 1, [8]), Small)]),
    io:format("~w~n", [map_size(Small#{ref(<<"a@a">>, 1, [7, 0, 0]) => again})]),
    %% messages and other processes
    Parent = self(),
    Child = spawn(fun() -> receive {From, X} -> From ! {echo, X} end end),
    Child ! {Parent, {Ext, M}},
    receive {echo, Back} -> io:format("echo ~w~n", [Back =:= {Ext, M}]) end,
    ok.
