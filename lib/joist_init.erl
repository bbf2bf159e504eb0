%% joist's stand-ins for OTP's init process and for the standard-output group leader, until
%% joist boots OTP's own init and kernel. start/1, registered as `init`, answers init's
%% requests for the command-line arguments (erl_features, init:get_argument/1 ...);
%% io_server/0, registered as `user`, answers the Erlang I/O protocol for standard output
%% and input (io:format, io:put_chars, io:get_line, io:get_chars, io:setopts ...), through
%% the joist:write_stdout/1 and joist:read_stdin/1 builtins, and prints the VM's reports of
%% processes that crash. Two processes, as in OTP: formatting may itself ask init for
%% arguments.
%% Built by CMake with erlc; never committed as a .beam.
-module(joist_init).
-export([start/1, io_server/0, error_server/0, eval/1]).

%% The group leader's state: standard input read ahead, and the io:setopts/1 options.
-record(io, {buf = <<>> :: binary(), binary = false :: boolean(),
             encoding = latin1 :: latin1 | unicode, out = stdout :: stdout | stderr}).

%% Registered as `init` by the VM before anything runs (as `user` below, and the services of
%% lib/joist_services.erl), so no -s function can find them missing.
start(Args) ->
    loop(Args).

%% -eval Expr, run by the boot process in command-line order with -s and -run: as erl's init
%% (init:start_it/1), the text is scanned, parsed and evaluated by erl_scan, erl_parse and
%% erl_eval, a missing final dot added. What fails is re-raised with init:start_it/1 in place
%% of this function in the stack trace, so the "init terminating in do_boot" report is erl's.
eval(Expr) ->
    try
        {ok, Ts, _} = erl_scan:string(Expr),
        Ts1 = case lists:reverse(Ts) of
                  [{dot, _} | _] -> Ts;
                  TsR -> lists:reverse([{dot, erl_anno:new(1)} | TsR])
              end,
        {ok, Exprs} = erl_parse:parse_exprs(Ts1),
        {value, _Value, _Bs} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
        ok
    catch
        Class:Reason:Trace ->
            erlang:raise(Class, Reason, [as_init(Frame) || Frame <- Trace])
    end.

as_init({?MODULE, eval, 1, _}) -> {init, start_it, 1, []};
as_init(Frame) -> Frame.

io_server() ->
    io_loop(#io{}).

%% Registered as `standard_error`: the same protocol, written to standard error.
error_server() ->
    io_loop(#io{out = stderr}).

io_loop(State) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, State1} = io_request(Request, State),
            From ! {io_reply, ReplyAs, Reply},
            io_loop(State1);
        {joist_error_report, Pid, Reason} ->
            error_report(Pid, Reason),
            io_loop(State);
        _Other ->
            io_loop(State)
    end.

%% The report of a process that ended with an uncaught error, sent by the VM: erl's logger
%% prints this text (its legacy header, local time) on standard output.
error_report(Pid, Reason) ->
    Micros = erlang:system_time(microsecond),
    {{Y, Mo, D}, {H, Mi, S}} =
        calendar:system_time_to_local_time(Micros div 1000000, second),
    Header = io_lib:format("=ERROR REPORT==== ~w-~s-~4w::~2..0w:~2..0w:~2..0w.~6..0w ===",
                           [D, month(Mo), Y, H, Mi, S, Micros rem 1000000]),
    put_chars(unicode, [Header, io_lib:format("~nError in process ~p with exit value:~n~p~n~n",
                                              [Pid, Reason])], #io{}).

month(M) ->
    element(M, {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec"}).

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
        {stop, How} ->
            %% init:stop/0,1, reboot/0 (OTP's init.erl sends these): erl takes its
            %% applications down and halts; joist has none to take down, so it halts at once,
            %% output flushed. init:restart/0 would boot the system again, which joist cannot.
            stop(How);
        {From, {ensure_loaded, Module}} ->
            %% OTP's error_handler asks this for a module an undefined call named; joist
            %% has already tried to load it from the code path before calling the handler.
            From ! {init, case erlang:module_loaded(Module) of
                              true -> {module, Module};
                              false -> {error, nofile}
                          end};
        _Other ->
            ok
    end,
    loop(Args).

stop(stop) -> erlang:halt(0);
stop(reboot) -> erlang:halt(0);
stop({stop, Status}) -> erlang:halt(Status);
stop(restart) ->
    put_chars(latin1, "joist: init:restart/0 is not supported: halting instead\n",
              #io{out = stderr}),
    erlang:halt(0);
stop(_) -> ok.

%% io_request(Request, State) -> {Reply, State}: the Erlang I/O protocol.
io_request({put_chars, Encoding, Chars}, S) ->
    {put_chars(Encoding, Chars, S), S};
io_request({put_chars, Encoding, M, F, As}, S) ->
    try apply(M, F, As) of
        Chars -> {put_chars(Encoding, Chars, S), S}
    catch
        _:_ -> {{error, F}, S}
    end;
io_request({put_chars, Chars}, S) ->
    io_request({put_chars, latin1, Chars}, S);
io_request({put_chars, M, F, As}, S) ->
    io_request({put_chars, latin1, M, F, As}, S);
io_request({get_line, Encoding, Prompt}, S) ->
    prompt(Prompt, S),
    get_line(Encoding, S);
io_request({get_chars, Encoding, Prompt, N}, S) when is_integer(N), N >= 0 ->
    prompt(Prompt, S),
    get_chars(Encoding, N, S);
io_request({get_line, Prompt}, S) ->
    io_request({get_line, latin1, Prompt}, S);
io_request({get_chars, Prompt, N}, S) ->
    io_request({get_chars, latin1, Prompt, N}, S);
io_request({requests, Requests}, S) ->
    lists:foldl(fun(R, {ok, S1}) -> io_request(R, S1);
                   (_, Error) -> Error
                end, {ok, S}, Requests);
io_request(getopts, S) ->
    {[{binary, S#io.binary}, {encoding, S#io.encoding}], S};
io_request({setopts, Opts}, S) when is_list(Opts) ->
    case setopts(Opts, S) of
        {ok, S1} -> {ok, S1};
        error -> {{error, enotsup}, S}
    end;
io_request({get_geometry, _}, S) ->
    {{error, enotsup}, S};
io_request(_, S) ->
    {{error, request}, S}.

%% setopts: binary/list, {binary, B}, {encoding, latin1 | unicode | utf8}.
setopts([], S) -> {ok, S};
setopts([binary | Os], S) -> setopts(Os, S#io{binary = true});
setopts([list | Os], S) -> setopts(Os, S#io{binary = false});
setopts([{binary, B} | Os], S) when is_boolean(B) -> setopts(Os, S#io{binary = B});
setopts([{encoding, E} | Os], S) when E =:= latin1; E =:= unicode; E =:= utf8 ->
    setopts(Os, S#io{encoding = case E of latin1 -> latin1; _ -> unicode end});
setopts(_, _) -> error.

prompt('', _) -> ok;
prompt("", _) -> ok;
prompt(Prompt, S) -> put_chars(unicode, io_lib:format("~ts", [prompt_text(Prompt)]), S).

prompt_text(P) when is_atom(P) -> atom_to_list(P);
prompt_text(P) -> P.

%% Standard input: bytes read ahead are kept in S#io.buf. A line ends after its newline, or
%% at the end of input; eof once nothing is left.
get_line(Encoding, #io{buf = Buf} = S) ->
    case binary:match(Buf, <<"\n">>) of
        {Pos, 1} ->
            <<Line:(Pos + 1)/binary, Rest/binary>> = Buf,
            {result(Line, Encoding, S), S#io{buf = Rest}};
        nomatch ->
            case joist:read_stdin(4096) of
                eof when Buf =:= <<>> -> {eof, S};
                eof -> {result(Buf, Encoding, S), S#io{buf = <<>>}};
                More -> get_line(Encoding, S#io{buf = <<Buf/binary, More/binary>>})
            end
    end.

%% N characters, fewer at the end of input (where even 0 characters are eof).
get_chars(Encoding, N, #io{buf = Buf} = S) ->
    case Buf of
        <<Chars:N/binary, Rest/binary>> when Buf =/= <<>> ->
            {result(Chars, Encoding, S), S#io{buf = Rest}};
        _ ->
            case joist:read_stdin(4096) of
                eof when Buf =:= <<>> -> {eof, S};
                eof -> {result(Buf, Encoding, S), S#io{buf = <<>>}};
                More -> get_chars(Encoding, N, S#io{buf = <<Buf/binary, More/binary>>})
            end
    end.

%% As erl -noshell's standard input, whatever the encoding option: each byte is a character
%% (a list), or the bytes as they are (binary mode).
result(Bytes, _Encoding, #io{binary = true}) -> Bytes;
result(Bytes, _Encoding, #io{binary = false}) -> binary_to_list(Bytes).

%% As erl -noshell's standard output: with encoding latin1 (the default) characters up to 255
%% are single bytes and larger ones are written as \\x{HEX}; with unicode, UTF-8.
put_chars(Encoding, Chars, S) ->
    case unicode:characters_to_list(Chars, Encoding) of
        List when is_list(List) ->
            write(S#io.out, case S#io.encoding of
                                latin1 -> to_bytes(List, []);
                                unicode -> unicode:characters_to_binary(List)
                            end),
            ok;
        _ ->
            {error, put_chars}
    end.

write(stdout, Bytes) -> joist:write_stdout(Bytes);
write(stderr, Bytes) -> joist:write_stderr(Bytes).

to_bytes([C | Cs], Acc) when C < 256 -> to_bytes(Cs, [C | Acc]);
to_bytes([C | Cs], Acc) ->
    Escape = "\\x{" ++ integer_to_list(C, 16) ++ "}",
    to_bytes(Cs, lists:reverse(Escape, Acc));
to_bytes([], Acc) -> lists:reverse(Acc).
