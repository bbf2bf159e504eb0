%% Pids, ports and references of other nodes, decoded from erl-made external term format
%% binaries. The number erl prints first in them is its node table's index for the node
%% name, which no other VM can reproduce: it is stripped from printed text here.
-module(etf_ext_ids).
-export([main/0]).

node_bin(Name) -> <<100, (byte_size(Name)):16, Name/binary>>.

pid_bin(Node, N, S, C) -> <<131, 88, (node_bin(Node))/binary, N:32, S:32, C:32>>.
old_pid_bin(Node, N, S, C) -> <<131, 103, (node_bin(Node))/binary, N:32, S:32, C:8>>.
port_bin(Node, N, C) -> <<131, 89, (node_bin(Node))/binary, N:32, C:32>>.
old_port_bin(Node, N, C) -> <<131, 102, (node_bin(Node))/binary, N:32, C:8>>.
v4_port_bin(Node, N, C) -> <<131, 120, (node_bin(Node))/binary, N:64, C:32>>.
ref_bin(Node, C, Ws) ->
    <<131, 90, (length(Ws)):16, (node_bin(Node))/binary, C:32, (<< <<W:32>> || W <- Ws >>)/binary>>.
new_ref_bin(Node, C, Ws) ->
    <<131, 114, (length(Ws)):16, (node_bin(Node))/binary, C:8, (<< <<W:32>> || W <- Ws >>)/binary>>.
old_ref_bin(Node, W, C) -> <<131, 101, (node_bin(Node))/binary, W:32, C:8>>.

%% Printed text with the node numbers of other nodes' identifiers replaced by N.
strip(T) -> strip_text(lists:flatten(io_lib:format("~w", [T]))).

%% Replaces the number right after each "<" (pid, #Ref<, #Port<) by N.
strip_text([$< | Rest]) ->
    case lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, Rest) of
        {[_ | _], [$. | After]} -> "<N." ++ strip_text(After);
        _ -> [$< | strip_text(Rest)]
    end;
strip_text([C | Rest]) -> [C | strip_text(Rest)];
strip_text([]) -> [].

show(Label, T) -> io:format("~s: ~s~n", [Label, strip(T)]).

main() ->
    Bins = [pid_bin(<<"a@a">>, 1, 1, 17), pid_bin(<<"a@a">>, 1, 1, 0),
            pid_bin(<<"b@host">>, 4294967295, 4294967295, 4294967295),
            pid_bin(<<"nonode@nohost">>, 3, 0, 5), pid_bin(<<"nonode@nohost">>, 7, 0, 0),
            old_pid_bin(<<"a@a">>, 12, 3, 2),
            port_bin(<<"a@a">>, 5, 3), old_port_bin(<<"a@a">>, 6, 1),
            v4_port_bin(<<"a@a">>, 1 bsl 40 + 9, 3), v4_port_bin(<<"a@a">>, 77, 3),
            port_bin(<<"nonode@nohost">>, 5, 9),
            ref_bin(<<"a@a">>, 3, [1]), ref_bin(<<"a@a">>, 3, [1, 2, 3]),
            ref_bin(<<"a@a">>, 3, [1, 2, 3, 4, 5]), ref_bin(<<"c@c">>, 99, [7, 0]),
            ref_bin(<<"nonode@nohost">>, 0, [5, 6, 7]), ref_bin(<<"nonode@nohost">>, 0, [5]),
            ref_bin(<<"nonode@nohost">>, 2, [5, 6, 7]),
            new_ref_bin(<<"a@a">>, 2, [4, 5]), old_ref_bin(<<"a@a">>, 8, 1)],
    lists:foreach(
      fun(B) ->
              T = binary_to_term(B),
              B2 = term_to_binary(T),
              io:format("~w ~w ~w ~w ~w~n",
                        [node(T), is_pid(T), is_port(T), is_reference(T), B2]),
              show(" printed", T),
              %% (flat sizes only of other nodes' terms: joist's local refs are a word larger)
              io:format(" roundtrip ~w same ~w size ~w ~w flat ~w~n",
                        [binary_to_term(B2) =:= T, B2 =:= B, erlang:external_size(T),
                         byte_size(B2), node(T) =/= node() andalso erts_debug:flat_size(T)]),
              io:format(" phash ~w phash2 ~w ~w~n",
                        [erlang:phash(T, 1 bsl 32), erlang:phash2(T), erlang:phash2({T, x}, 1000)]),
              C = term_to_binary([T, T, T, T, T, T, T, T], [compressed]),
              io:format(" compressed ~w~n", [binary_to_term(C) =:= [T, T, T, T, T, T, T, T]])
      end, Bins),
    %% list forms
    P = binary_to_term(pid_bin(<<"a@a">>, 1, 2, 17)),
    io:format("~s ~s~n", [strip_text(pid_to_list(P)),
                          strip_text(ref_to_list(binary_to_term(ref_bin(<<"a@a">>, 1, [1, 2, 3]))))]),
    io:format("~s~n", [strip_text(erlang:port_to_list(binary_to_term(port_bin(<<"a@a">>, 4, 1))))]),
    %% erl not alive knows no node to give another node's number to: badarg
    io:format("~w ~w~n", [element(1, catch list_to_pid(pid_to_list(P))),
                          element(1, catch list_to_ref(ref_to_list(binary_to_term(ref_bin(<<"a@a">>, 1, [1])))))]),
    %% a fun made on another node: its creator pid is that node's
    F = fun() -> ok end,
    FB = binary:replace(term_to_binary(F), <<"nonode@nohost">>, <<"nonode@nohosx">>),
    F2 = binary_to_term(FB),
    {pid, Creator} = erlang:fun_info(F2, pid),
    io:format("fun ~w ~w ~w ~w ~w~n", [node(Creator), is_pid(Creator), F2(), F2 == F,
                                      term_to_binary(F2) =:= FB]),
    %% the local node's names with creation 0 are local terms
    L = binary_to_term(pid_bin(<<"nonode@nohost">>, 7, 0, 0)),
    io:format("local ~w ~w~n", [L =:= list_to_pid("<0.7.0>"), node(L)]),
    %% equality across encodings: trailing zero words of references do not count
    R1 = binary_to_term(ref_bin(<<"a@a">>, 3, [7])),
    R3 = binary_to_term(ref_bin(<<"a@a">>, 3, [7, 0, 0])),
    R3b = binary_to_term(ref_bin(<<"a@a">>, 3, [7, 0, 1])),
    io:format("refs ~w ~w ~w ~w ~w~n", [R1 =:= R3, R1 == R3, R1 < R3b, R3b > R3,
                                      erlang:phash2(R1) =:= erlang:phash2(R3)]),
    io:format("old/new ~w ~w~n",
              [binary_to_term(old_pid_bin(<<"a@a">>, 1, 2, 3)) =:= binary_to_term(pid_bin(<<"a@a">>, 1, 2, 3)),
               binary_to_term(pid_bin(<<"a@a">>, 1, 2, 3)) =:= binary_to_term(pid_bin(<<"a@a">>, 1, 2, 4))]),
    ok.
