-module(bin_conv).
-export([main/0, id/1]).

%% atom_to_binary/1,2, binary_to_atom/1,2, binary_to_existing_atom/1,2,
%% integer_to_binary/1,2, binary_to_integer/1,2.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Encs = [latin1, unicode, utf8, utf16, a, "utf8"],
    Atoms = [abc, '', 'hello world', 'Ã¿', '\x{100}', '\x{1F600}x', 1, "abc", <<"a">>],
    erlang:display([t(fun() -> atom_to_binary(?MODULE:id(A), E) end) || A <- Atoms, E <- Encs]),
    erlang:display([t(fun() -> atom_to_binary(?MODULE:id(A)) end) || A <- Atoms]),
    Bins = [<<"abc">>, <<>>, <<"Ã¿">>, <<255>>, <<196,128>>, <<240,159,152,128>>, <<237,160,128>>,
            <<192,128>>, <<1:1>>, <<"a",0,"b">>, abc, "abc"],
    erlang:display([t(fun() -> binary_to_atom(?MODULE:id(B), E) end) || B <- Bins, E <- Encs]),
    erlang:display([t(fun() -> binary_to_atom(?MODULE:id(B)) end) || B <- Bins]),
    erlang:display([t(fun() -> binary_to_existing_atom(?MODULE:id(B), E) end)
                    || B <- Bins, E <- Encs]),
    erlang:display([t(fun() -> binary_to_existing_atom(?MODULE:id(B)) end)
                    || B <- [<<"bin_conv_no_such_atom_xyz">>, <<"ok">>, <<"error">>, a]]),
    L255 = binary:copy(<<"a">>, 255),
    L256 = binary:copy(<<"a">>, 256),
    U255 = binary:copy(<<196,128>>, 255),
    U256 = binary:copy(<<196,128>>, 256),
    erlang:display([t(fun() -> byte_size(atom_to_binary(binary_to_atom(?MODULE:id(B), E))) end)
                    || B <- [L255, L256, U255, U256], E <- [latin1, utf8]]),
    erlang:display(t(fun() -> binary_to_existing_atom(?MODULE:id(L256), utf8) end)),
    Ints = [0, 1, -1, 42, -42, 1 bsl 59, -(1 bsl 59), 1 bsl 64, -(1 bsl 100), 255, 1.0, a, <<"1">>],
    erlang:display([t(fun() -> integer_to_binary(?MODULE:id(I)) end) || I <- Ints]),
    erlang:display([t(fun() -> integer_to_binary(?MODULE:id(I), B) end)
                    || I <- Ints, B <- [2, 16, 36, 1, 37, a]]),
    erlang:display(integer_to_binary(1 bsl 300)),
    Texts = [<<"0">>, <<"123">>, <<"-123">>, <<"+7">>, <<"007">>, <<"">>, <<"-">>, <<"+">>,
             <<" 1">>, <<"1 ">>, <<"1.0">>, <<"12a">>, <<"ff">>, <<"FF">>, <<"zz">>,
             <<"123456789012345678901234567890">>, <<"-1152921504606846976">>, <<1:1>>, "12", 12],
    erlang:display([t(fun() -> binary_to_integer(?MODULE:id(T)) end) || T <- Texts]),
    erlang:display([t(fun() -> binary_to_integer(?MODULE:id(T), B) end)
                    || T <- Texts, B <- [2, 16, 36, 37, 0, a]]),
    erlang:display(binary_to_integer(binary:copy(<<"9">>, 200))),
    ok.
