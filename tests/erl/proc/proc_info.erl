-module(proc_info).
-export([main/0]).

%% process_info/2 for the items whose values do not depend on the VM's memory layout.
main() ->
    process_flag(trap_exit, true),
    P = spawn_link(fun() -> put(k, v), receive stop -> ok end end),
    register(info_target, P),
    P ! hello,
    receive after 10 -> ok end,
    erlang:display(process_info(P, registered_name)),
    erlang:display(process_info(P, [message_queue_len, messages, trap_exit, dictionary])),
    erlang:display(process_info(P, links) =:= {links, [self()]}),
    erlang:display(process_info(P, status)),
    erlang:display(process_info(self(), registered_name)),
    erlang:display(process_info(self(), status)),
    P ! stop,
    receive {'EXIT', P, normal} -> ok end,
    erlang:display(process_info(P, status)),
    {'EXIT', {Reason, _}} = (catch process_info(self(), no_such_item)),
    erlang:display(Reason),
    ok.
