"""The image viewer: a stack of slices per series, panes that show them, the window around them.

Imported only when images are opened: pyqtgraph, numpy and pydicom cost seconds at start-up.
"""
