"""The corridor profile of two countries A and B: the statistics of both directions side by
side (stocks, flows, remittances, refugees), the agreements between them, visa requirements
both ways and both states' treaty statuses, with a short bound narrative. Built out of the
existing tree nodes (``profiles.tree``), so every renderer prints it unchanged."""

from migprofile.profiles.corridors.build import CorridorData, corridor_profile, load_corridor

__all__ = ["CorridorData", "corridor_profile", "load_corridor"]
