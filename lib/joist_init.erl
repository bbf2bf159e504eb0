%% joist's stand-ins for OTP's init process and for the standard-output group leader, until
%% joist boots OTP's own init and kernel. start/1, registered as `init`, answers init's
%% requests for the command-line arguments (erl_features, init:get_argument/1 ...);
%% io_server/0, registered as `user`, answers the Erlang I/O protocol for standard output
%% (io:format, io:put_chars ...), writing through the joist:write_stdout/1 builtin. Two
%% processes, as in OTP: formatting may itself ask init for arguments.
%% Built by CMake with erlc; never committed as a .beam.
-module(joist_init).
-export([start/1, io_server/0]).

start(Args) ->
    register(init, self()),
    loop(Args).

io_server() ->
    register(user, self()),
    io_loop().

io_loop() ->
    receive
        {io_request, From, ReplyAs, Request} ->
            From ! {io_reply, ReplyAs, io_request(Request)};
        _Other ->
            ok
    end,
    io_loop().

loop(Args) ->
    receive
        {From, get_arguments} ->
            From ! {init, Args};
        {From, {get_argument, Flag}} ->
            From ! {init, case [V || {F, V} <- Args, F =:= Flag] of
                              [] -> error;
                              Vs -> {ok, Vs}
                          end};
        {From, get_plain_arguments} ->
            From ! {init, []};
        _Other ->
            ok
    end,
    loop(Args).

io_request({put_chars, Encoding, Chars}) ->
    put_chars(Encoding, Chars);
io_request({put_chars, Encoding, M, F, As}) ->
    try apply(M, F, As) of
        Chars -> put_chars(Encoding, Chars)
    catch
        _:_ -> {error, F}
    end;
io_request({put_chars, Chars}) ->
    io_request({put_chars, latin1, Chars});
io_request({put_chars, M, F, As}) ->
    io_request({put_chars, latin1, M, F, As});
io_request({requests, Requests}) ->
    lists:foldl(fun(R, ok) -> io_request(R); (_, Error) -> Error end, ok, Requests);
io_request(getopts) ->
    [{binary, false}, {encoding, latin1}];
io_request({get_geometry, _}) ->
    {error, enotsup};
io_request(_) ->
    {error, request}.

%% As erl -noshell's standard output: characters up to 255 are written as single bytes
%% (latin1), larger ones as UTF-8.
put_chars(Encoding, Chars) ->
    case unicode:characters_to_list(Chars, Encoding) of
        List when is_list(List) ->
            joist:write_stdout(to_bytes(List, [])),
            ok;
        _ ->
            {error, put_chars}
    end.

to_bytes([C | Cs], Acc) when C < 256 -> to_bytes(Cs, [C | Acc]);
to_bytes([C | Cs], Acc) -> to_bytes(Cs, lists:reverse(binary_to_list(<<C/utf8>>), Acc));
to_bytes([], Acc) -> lists:reverse(Acc).
