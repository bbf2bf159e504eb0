%% erlang:hibernate/3 compacts the heap to what is live: a process that built a big list and
%% keeps ten elements of it (in its dictionary) hibernates with a heap below the default
%% minimum of 233 words, and still has its ten elements when it wakes.
-module(proc_hibernate_heap).
-export([main/0, wake/1]).

wake(Parent) -> Parent ! {woke, get(kept)}.

main() ->
    Self = self(),
    P = spawn(fun() ->
                  Big = lists:seq(1, 5000),
                  put(kept, lists:sublist(Big, 10)),
                  {total_heap_size, H} = process_info(self(), total_heap_size),
                  Self ! {before, H},
                  erlang:hibernate(?MODULE, wake, [Self])
              end),
    Before = receive {before, B} -> B end,
    receive after 50 -> ok end,
    [{total_heap_size, After}, {status, St}] = process_info(P, [total_heap_size, status]),
    erlang:display({Before > 5000, After < 233, St}),
    P ! go,
    erlang:display(receive {woke, Kept} -> Kept end).
