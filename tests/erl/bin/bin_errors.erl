-module(bin_errors).
-export([main/0, id/1]).

%% The stack frame erl records for a failing binary BIF: {M, F, Args, Info} with
%% error_info in Info; ends with an uncaught badarg (exit status 1).
id(X) -> X.

frame(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R:St ->
            [{M, N, A, Info} | _] = St,
            {C, R, M, N, A, lists:keymember(error_info, 1, Info)}
    end.

main() ->
    Calls = [fun() -> byte_size(?MODULE:id(a)) end,
             fun() -> bit_size(?MODULE:id(a)) end,
             fun() -> binary_part(?MODULE:id(<<1>>), 1, 1) end,
             fun() -> binary_part(?MODULE:id(<<1>>), {1, 1}) end,
             fun() -> split_binary(?MODULE:id(<<1>>), 2) end,
             fun() -> binary_to_list(?MODULE:id(a)) end,
             fun() -> binary_to_list(?MODULE:id(<<1>>), 1, 2) end,
             fun() -> bitstring_to_list(?MODULE:id(a)) end,
             fun() -> list_to_binary(?MODULE:id([a])) end,
             fun() -> iolist_to_binary(?MODULE:id([a])) end,
             fun() -> iolist_size(?MODULE:id([a])) end,
             fun() -> list_to_bitstring(?MODULE:id([a])) end,
             fun() -> atom_to_binary(?MODULE:id(1), utf8) end,
             fun() -> binary_to_atom(?MODULE:id(1), utf8) end,
             fun() -> binary_to_existing_atom(?MODULE:id(<<"bin_errors_nope">>), utf8) end,
             fun() -> integer_to_binary(?MODULE:id(a)) end,
             fun() -> integer_to_binary(?MODULE:id(1), 99) end,
             fun() -> binary_to_integer(?MODULE:id(<<"x">>)) end,
             fun() -> binary_to_integer(?MODULE:id(<<"1">>), 99) end,
             fun() -> binary:at(?MODULE:id(<<>>), 0) end,
             fun() -> binary:first(?MODULE:id(<<>>)) end,
             fun() -> binary:last(?MODULE:id(<<>>)) end,
             fun() -> binary:part(?MODULE:id(<<>>), 0, 1) end,
             fun() -> binary:copy(?MODULE:id(a)) end,
             fun() -> binary:decode_unsigned(?MODULE:id(a)) end,
             fun() -> binary:encode_unsigned(?MODULE:id(-1)) end,
             fun() -> binary:list_to_bin(?MODULE:id(a)) end,
             fun() -> binary:longest_common_prefix(?MODULE:id(a)) end,
             fun() -> binary:longest_common_suffix(?MODULE:id(a)) end,
             fun() -> binary:match(?MODULE:id(<<"a">>), <<>>) end,
             fun() -> binary:matches(?MODULE:id(<<"a">>), <<>>) end,
             fun() -> binary:split(?MODULE:id(<<"a">>), <<>>) end,
             fun() -> binary:compile_pattern(?MODULE:id(<<>>)) end,
             fun() -> unicode:characters_to_binary(?MODULE:id(a), latin1) end,
             fun() -> unicode:characters_to_list(?MODULE:id(a), latin1) end],
    [erlang:display(frame(F)) || F <- Calls],
    byte_size(?MODULE:id([1, 2])).
