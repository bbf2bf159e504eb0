-module(proc_gen_server).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2]).

%% OTP's own gen_server (through proc_lib and gen): start_link, call (monitor aliases),
%% cast, info messages, alias/unalias.
main() ->
    process_flag(trap_exit, true),
    {ok, P} = gen_server:start_link(?MODULE, 10, []),
    erlang:display(gen_server:call(P, get)),
    gen_server:cast(P, {add, 5}),
    P ! {add, 1},
    erlang:display(gen_server:call(P, get)),
    erlang:display(gen_server:call(P, get, 1000)),
    A = alias(),
    A ! via_alias,
    erlang:display(receive via_alias -> got_via_alias after 100 -> missing end),
    erlang:display(unalias(A)),
    A ! dropped,
    erlang:display(receive dropped -> wrong after 20 -> dropped end),
    ok.

init(N) -> {ok, N}.
handle_call(get, _From, N) -> {reply, {value, N}, N}.
handle_cast({add, K}, N) -> {noreply, N + K}.
handle_info({add, K}, N) -> {noreply, N + K}.
