"""The book machinery, apart from what notebooks use: the chart renderers (``renderer``), where a
notebook runs and how values reach the prose (``front_ends``), the Sphinx extension
(``extension``), its hooks into other extensions (``hooks``) and the bibliography style
(``references``)."""
