import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'

/**
 * What a list that loads page by page shows besides its items: the loading and error states,
 * "none yet", and "load more". The record's list components take these props, so each page
 * hands its query over in one spread instead of wiring the same eight props again.
 */
export interface PagedListState {
  pending: boolean
  failed: boolean
  loaded: boolean
  /** Loaded, and nothing in it. */
  empty: boolean
  hasMore: boolean
  loadingMore: boolean
  onRetry: () => void
  onLoadMore: () => void
}

/** The items of every page loaded so far, in order, and the list's state. */
export function pagedList<Item>(query: UseInfiniteQueryResult<InfiniteData<{ items: Item[] }>>): { items: Item[]; state: PagedListState } {
  const items = query.data?.pages.flatMap((page) => page.items) ?? []
  return {
    items,
    state: {
      pending: query.isPending,
      failed: query.isError,
      loaded: query.isSuccess,
      empty: query.isSuccess && items.length === 0,
      hasMore: query.hasNextPage,
      loadingMore: query.isFetchingNextPage,
      onRetry: () => void query.refetch(),
      onLoadMore: () => void query.fetchNextPage(),
    },
  }
}
