-module(bs_append_empty).
-export([main/0, id/1, append/2]).

%% Appending nothing to a binary gives back that very binary (erts_debug:same/2), writable
%% (made by appending) or not; appending something still makes a new, correct binary.
id(X) -> X.

append(A, B) -> <<A/binary, B/binary>>.

main() ->
    Plain = ?MODULE:id(<<"123">>),
    Writable = <<(?MODULE:id(<<>>))/binary, 0, 1, 2, 3, 4, 5, 6, 7>>,
    Big = binary:copy(?MODULE:id(<<"abc">>), 100),
    <<_, Sub/binary>> = Big,
    erlang:display([erts_debug:same(B, ?MODULE:append(B, ?MODULE:id(<<>>))) || B <- [Plain, Writable, Big, Sub, <<>>]]),
    W2 = ?MODULE:append(Writable, <<>>),
    W3 = ?MODULE:append(W2, <<8>>),
    erlang:display({W2, W3, Writable, ?MODULE:append(Plain, <<"4">>), byte_size(?MODULE:append(Sub, <<>>))}),
    erlang:display(catch ?MODULE:append(?MODULE:id(<<1:3>>), <<>>)),
    ok.
