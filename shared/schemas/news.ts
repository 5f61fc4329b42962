import { Type, type Static } from 'typebox'

export const NewsItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  body: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
})
export type NewsItem = Static<typeof NewsItem>

export const NewsList = Type.Object({ items: Type.Array(NewsItem) })
export type NewsList = Static<typeof NewsList>
